"""The reference module of tests/everything/everything.yaml: the constructs the bundled schemas do not show."""

from __future__ import annotations

import json
import unittest

import support  # noqa: F401
from everything.everything import Attachment, Channel, Envelope, JobError, JobState, Node, Priority
from execution_contracts import RecordError, Timestamp

BASE = {"id": 1, "channel": "email", "state": "queued", "error": None, "score": 0.25, "ratio": None,
        "sent_at": "2026-02-26T10:30:00Z", "read_at": None, "tags": [], "attachments": [], "main": None,
        "payload": None}


def envelope(**changes: object) -> bytes:
    return json.dumps({**BASE, **changes}, ensure_ascii=False).encode()


def failure(data: bytes) -> tuple[str, str]:
    try:
        Envelope.from_json(data)
    except RecordError as error:
        return error.category, error.path
    raise AssertionError(f"accepted {data!r}")


class EnvelopeTests(unittest.TestCase):
    def test_optional_keys_take_their_defaults_and_nullable_ones_without_a_default_are_null(self) -> None:
        value = Envelope.from_json(envelope())
        self.assertEqual((value.priority, value.attempts, value.subject, value.flag), (Priority.NORMAL, 0, "", True))
        self.assertEqual((value.urgent, value.tree, value.extra, value.matrix), (None, None, None, None))
        self.assertEqual((dict(value.scores), value.stamps, value.items), ({}, (), ()))

    def test_an_open_enum_keeps_a_value_it_does_not_know(self) -> None:
        value = Envelope.from_json(envelope(channel="carrier_pigeon", channels={"a": "sms", "b": "fax"}))
        self.assertEqual(value.channel, "carrier_pigeon")
        self.assertIs(value.channels["a"], Channel.SMS)
        self.assertIn(b'"channel":"carrier_pigeon"', value.to_json())

    def test_a_closed_enum_refuses_a_value_it_does_not_know(self) -> None:
        self.assertEqual(failure(envelope(priority="urgent")), ("unknown_enum_value", "$.priority"))

    def test_additional_keys_are_checked_as_json_and_left_out(self) -> None:
        value = Envelope.from_json(envelope(later={"a": [1, {"b": None}]}))
        self.assertNotIn(b"later", value.to_json())
        data = envelope()[:-1] + b',"later":{"a":1,"a":2}}'
        self.assertEqual(failure(data), ("duplicate_key", "$.later.a"))
        self.assertEqual(failure(envelope()[:-1] + b',"later":1,"later":2}'), ("duplicate_key", "$.later"))

    def test_maps_are_written_with_their_keys_in_swifts_order(self) -> None:
        value = Envelope.from_json(envelope(scores={"b": 1.0, "a": 2.5, "é": 0.0, "Z": -1.0}))
        self.assertIn('"scores":{"Z":-1.0,"a":2.5,"b":1.0,"é":0.0}', value.to_json().decode())

    def test_canonically_equivalent_map_keys_are_one_key_as_in_swift(self) -> None:
        value = Envelope.from_json(envelope(scores={"caf\u00e9": 1.0, "cafe\u0301": 2.0}))
        self.assertEqual(dict(value.scores), {"caf\u00e9": 2.0})

    def test_nested_models_are_read_with_their_own_rules_and_paths(self) -> None:
        self.assertEqual(failure(envelope(attachments=[{"name": "a", "size": -1}])),
                         ("rule:size_not_negative", "$.attachments[0]"))
        self.assertEqual(failure(envelope(main="x")), ("not_an_object", "$.main"))
        self.assertEqual(failure(envelope(attachments=[None])), ("wrong_type", "$.attachments[0]"))
        value = Envelope.from_json(envelope(main={"name": "m", "size": 1}))
        self.assertEqual(value.main, Attachment(name="m", size=1, checksum=None))

    def test_timestamps_are_compared_by_rules_with_null_semantics(self) -> None:
        self.assertEqual(failure(envelope(read_at="2026-02-26T10:29:59.999999Z")), ("rule:read_after_sent", "$"))
        value = Envelope.from_json(envelope(read_at="2026-02-26T18:30:00+08:00"))
        self.assertEqual(value.read_at, Timestamp.parse("2026-02-26T10:30:00Z"))
        self.assertEqual(failure(envelope(read_at="2026-02-30T00:00:00Z")), ("invalid_timestamp", "$.read_at"))

    def test_an_int_compares_with_a_double_exactly(self) -> None:
        self.assertEqual(failure(envelope(id=9007199254740992)), ("rule:id_exact", "$"))
        Envelope.from_json(envelope(id=9007199254740993))

    def test_string_rules_compare_canonically_equivalent_text(self) -> None:
        self.assertEqual(failure(envelope(subject="\u212aelvin")), ("rule:subject_not_reserved", "$"))
        self.assertEqual(failure(envelope(subject="re\u0301sume\u0301")), ("rule:subject_not_reserved", "$"))

    def test_a_nullable_bool_compared_with_true_treats_null_as_not_true(self) -> None:
        Envelope.from_json(envelope(urgent=None))
        self.assertEqual(failure(envelope(urgent=True)), ("rule:urgent_high_priority", "$"))

    def test_legacy_states_read_only_on_request(self) -> None:
        self.assertEqual(failure(envelope(state="waiting")), ("unknown_enum_value", "$.state"))
        self.assertIs(Envelope.from_json(envelope(state="waiting"), accept_legacy=True).state, JobState.QUEUED)

    def test_guards_read_the_record(self) -> None:
        value = Envelope.from_json(envelope(state="running", attempts=3))
        self.assertFalse(JobState.RUNNING.can_transition(JobState.QUEUED, record=value))
        self.assertTrue(JobState.RUNNING.can_transition(JobState.QUEUED, record=Envelope.from_json(envelope())))

    def test_a_catalog_without_a_status_gives_none(self) -> None:
        self.assertIsNone(JobError.GONE.status)
        self.assertIs(JobError.STOPPED.status, JobState.ABORTED)


class RecursionTests(unittest.TestCase):
    @staticmethod
    def chain(depth: int) -> bytes:
        return b'{"label":"n","children":[' * (depth - 1) + b'{"label":"n","children":[]}' + b"]}" * (depth - 1)

    def test_a_tree_as_deep_as_the_depth_limit_allows_is_read(self) -> None:
        # Each level is an object and an array: 256 levels nest 511 containers.
        node = Node.from_json(self.chain(256))
        depth = 0
        while node.children:
            node, depth = node.children[0], depth + 1
        self.assertEqual(depth, 255)

    def test_a_tree_deeper_than_the_limit_is_too_deep(self) -> None:
        with self.assertRaises(RecordError) as caught:
            Node.from_json(self.chain(300))
        self.assertEqual(caught.exception.category, "too_deep")

    def test_a_deep_tree_round_trips_through_json_and_dicts(self) -> None:
        node = Node.from_json(self.chain(256))
        self.assertEqual(Node.from_json(node.to_json()), node)
        self.assertEqual(Node.from_dict(node.to_dict()), node)


if __name__ == "__main__":
    unittest.main()
