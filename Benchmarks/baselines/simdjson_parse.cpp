// Baseline for issue 18: simdjson's DOM parse of each line of a JSON Lines file, with no contract checked at all:
// the physical anchor `contractgen validate` is measured against. The file is read into one padded buffer first;
// the timed loop is the parse of every line (as the Python baselines time their loop only), and the whole process
// can be timed from outside as well (farm-bench).
//
//   sudo apt-get install -y libsimdjson-dev
//   g++ -O3 -std=c++17 -o /tmp/simdjson_parse Benchmarks/baselines/simdjson_parse.cpp -lsimdjson
//   /tmp/simdjson_parse /tmp/corpus-200k.jsonl
//
// Prints one JSON line like the other drivers: tool, records, valid, invalid, seconds (the loop).
#include <simdjson.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#define STRINGIFY_(x) #x
#define STRINGIFY(x) STRINGIFY_(x)

int main(int argc, char **argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: %s FILE.jsonl\n", argv[0]);
    return 2;
  }
  FILE *file = std::fopen(argv[1], "rb");
  if (file == nullptr) {
    std::perror(argv[1]);
    return 2;
  }
  std::vector<char> bytes;
  char chunk[1 << 16];
  size_t count;
  while ((count = std::fread(chunk, 1, sizeof chunk, file)) > 0) bytes.insert(bytes.end(), chunk, chunk + count);
  std::fclose(file);
  size_t size = bytes.size();
  // simdjson may read up to SIMDJSON_PADDING bytes past a document: every line is followed by the next ones, and
  // the last by this padding, so no line is copied.
  bytes.resize(size + simdjson::SIMDJSON_PADDING, '\0');

  simdjson::dom::parser parser;
  size_t records = 0, valid = 0, invalid = 0;
  auto started = std::chrono::steady_clock::now();
  size_t start = 0;
  while (start < size) {
    const char *line = bytes.data() + start;
    const void *found = std::memchr(line, '\n', size - start);
    size_t end = found ? static_cast<const char *>(found) - bytes.data() : size;
    records++;
    simdjson::dom::element document;
    auto error = parser.parse(line, end - start, false).get(document);
    if (error) invalid++; else valid++;
    start = end + 1;
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("{\"tool\": \"simdjson %s\", \"records\": %zu, \"valid\": %zu, \"invalid\": %zu, \"seconds\": %.6f}\n", STRINGIFY(SIMDJSON_VERSION),
              records, valid, invalid, seconds);
  return 0;
}
