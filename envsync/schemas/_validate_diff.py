# Generated from diff.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_CHECKSUM = 'crc32:b8881cb5'
VERSION = "2.22.3"
Decimal = float  # no document holds a Decimal
from envsync.schemas.violation import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate_https___envsync_dev_schemas_diff_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/diff.json', 'title': 'envsync.diff/v1', 'description': 'The findings between two sides (`envsync diff|drift|gate --format json`). Secret values appear only as fingerprints.', 'type': 'object', 'required': ['schema', 'a', 'b', 'findings', 'summary', 'notes'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.diff/v1'}, 'a': {'type': 'string'}, 'b': {'type': 'string'}, 'findings': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}}, 'summary': {'description': 'Severity → number of findings.', 'type': 'object', 'additionalProperties': False, 'required': ['critical', 'high', 'medium', 'low', 'info'], 'properties': {'critical': {'type': 'integer', 'minimum': 0}, 'high': {'type': 'integer', 'minimum': 0}, 'medium': {'type': 'integer', 'minimum': 0}, 'low': {'type': 'integer', 'minimum': 0}, 'info': {'type': 'integer', 'minimum': 0}}}, 'notes': {'type': 'array', 'items': {'type': 'string'}}}, '$defs': {'finding': {'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['schema', 'a', 'b', 'findings', 'summary', 'notes']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/diff.json', 'title': 'envsync.diff/v1', 'description': 'The findings between two sides (`envsync diff|drift|gate --format json`). Secret values appear only as fingerprints.', 'type': 'object', 'required': ['schema', 'a', 'b', 'findings', 'summary', 'notes'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.diff/v1'}, 'a': {'type': 'string'}, 'b': {'type': 'string'}, 'findings': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}}, 'summary': {'description': 'Severity → number of findings.', 'type': 'object', 'additionalProperties': False, 'required': ['critical', 'high', 'medium', 'low', 'info'], 'properties': {'critical': {'type': 'integer', 'minimum': 0}, 'high': {'type': 'integer', 'minimum': 0}, 'medium': {'type': 'integer', 'minimum': 0}, 'low': {'type': 'integer', 'minimum': 0}, 'info': {'type': 'integer', 'minimum': 0}}}, 'notes': {'type': 'array', 'items': {'type': 'string'}}}, '$defs': {'finding': {'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}}}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.diff/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.diff/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.diff/v1'}, rule='const')
        if "a" in data_keys:
            data_keys.remove("a")
            data__a = data["a"]
            if not isinstance(data__a, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".a must be string", value=data__a, name="" + (name_prefix or "data") + ".a", definition={'type': 'string'}, rule='type')
        if "b" in data_keys:
            data_keys.remove("b")
            data__b = data["b"]
            if not isinstance(data__b, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".b must be string", value=data__b, name="" + (name_prefix or "data") + ".b", definition={'type': 'string'}, rule='type')
        if "findings" in data_keys:
            data_keys.remove("findings")
            data__findings = data["findings"]
            if not isinstance(data__findings, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".findings must be array", value=data__findings, name="" + (name_prefix or "data") + ".findings", definition={'type': 'array', 'items': {'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}}, rule='type')
            data__findings_is_list = isinstance(data__findings, (list, tuple))
            if data__findings_is_list:
                data__findings_len = len(data__findings)
                for data__findings_x, data__findings_item in enumerate(data__findings):
                    validate_https___envsync_dev_schemas_diff_json___defs_finding(data__findings_item, custom_formats, (name_prefix or "data") + ".findings[{data__findings_x}]".format(**locals()))
        if "summary" in data_keys:
            data_keys.remove("summary")
            data__summary = data["summary"]
            if not isinstance(data__summary, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be object", value=data__summary, name="" + (name_prefix or "data") + ".summary", definition={'description': 'Severity → number of findings.', 'type': 'object', 'additionalProperties': False, 'required': ['critical', 'high', 'medium', 'low', 'info'], 'properties': {'critical': {'type': 'integer', 'minimum': 0}, 'high': {'type': 'integer', 'minimum': 0}, 'medium': {'type': 'integer', 'minimum': 0}, 'low': {'type': 'integer', 'minimum': 0}, 'info': {'type': 'integer', 'minimum': 0}}}, rule='type')
            data__summary_is_dict = isinstance(data__summary, dict)
            if data__summary_is_dict:
                data__summary__missing_keys = set(['critical', 'high', 'medium', 'low', 'info']) - data__summary.keys()
                if data__summary__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must contain " + (str(sorted(data__summary__missing_keys)) + " properties"), value=data__summary, name="" + (name_prefix or "data") + ".summary", definition={'description': 'Severity → number of findings.', 'type': 'object', 'additionalProperties': False, 'required': ['critical', 'high', 'medium', 'low', 'info'], 'properties': {'critical': {'type': 'integer', 'minimum': 0}, 'high': {'type': 'integer', 'minimum': 0}, 'medium': {'type': 'integer', 'minimum': 0}, 'low': {'type': 'integer', 'minimum': 0}, 'info': {'type': 'integer', 'minimum': 0}}}, rule='required')
                data__summary_keys = set(data__summary.keys())
                if "critical" in data__summary_keys:
                    data__summary_keys.remove("critical")
                    data__summary__critical = data__summary["critical"]
                    if not isinstance(data__summary__critical, (int)) and not (isinstance(data__summary__critical, float) and data__summary__critical.is_integer()) or isinstance(data__summary__critical, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.critical must be integer", value=data__summary__critical, name="" + (name_prefix or "data") + ".summary.critical", definition={'type': 'integer', 'minimum': 0}, rule='type')
                    if isinstance(data__summary__critical, (int, float, Decimal)) and not isinstance(data__summary__critical, bool):
                        if data__summary__critical < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.critical must be bigger than or equal to 0", value=data__summary__critical, name="" + (name_prefix or "data") + ".summary.critical", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                if "high" in data__summary_keys:
                    data__summary_keys.remove("high")
                    data__summary__high = data__summary["high"]
                    if not isinstance(data__summary__high, (int)) and not (isinstance(data__summary__high, float) and data__summary__high.is_integer()) or isinstance(data__summary__high, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.high must be integer", value=data__summary__high, name="" + (name_prefix or "data") + ".summary.high", definition={'type': 'integer', 'minimum': 0}, rule='type')
                    if isinstance(data__summary__high, (int, float, Decimal)) and not isinstance(data__summary__high, bool):
                        if data__summary__high < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.high must be bigger than or equal to 0", value=data__summary__high, name="" + (name_prefix or "data") + ".summary.high", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                if "medium" in data__summary_keys:
                    data__summary_keys.remove("medium")
                    data__summary__medium = data__summary["medium"]
                    if not isinstance(data__summary__medium, (int)) and not (isinstance(data__summary__medium, float) and data__summary__medium.is_integer()) or isinstance(data__summary__medium, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.medium must be integer", value=data__summary__medium, name="" + (name_prefix or "data") + ".summary.medium", definition={'type': 'integer', 'minimum': 0}, rule='type')
                    if isinstance(data__summary__medium, (int, float, Decimal)) and not isinstance(data__summary__medium, bool):
                        if data__summary__medium < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.medium must be bigger than or equal to 0", value=data__summary__medium, name="" + (name_prefix or "data") + ".summary.medium", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                if "low" in data__summary_keys:
                    data__summary_keys.remove("low")
                    data__summary__low = data__summary["low"]
                    if not isinstance(data__summary__low, (int)) and not (isinstance(data__summary__low, float) and data__summary__low.is_integer()) or isinstance(data__summary__low, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.low must be integer", value=data__summary__low, name="" + (name_prefix or "data") + ".summary.low", definition={'type': 'integer', 'minimum': 0}, rule='type')
                    if isinstance(data__summary__low, (int, float, Decimal)) and not isinstance(data__summary__low, bool):
                        if data__summary__low < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.low must be bigger than or equal to 0", value=data__summary__low, name="" + (name_prefix or "data") + ".summary.low", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                if "info" in data__summary_keys:
                    data__summary_keys.remove("info")
                    data__summary__info = data__summary["info"]
                    if not isinstance(data__summary__info, (int)) and not (isinstance(data__summary__info, float) and data__summary__info.is_integer()) or isinstance(data__summary__info, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.info must be integer", value=data__summary__info, name="" + (name_prefix or "data") + ".summary.info", definition={'type': 'integer', 'minimum': 0}, rule='type')
                    if isinstance(data__summary__info, (int, float, Decimal)) and not isinstance(data__summary__info, bool):
                        if data__summary__info < 0:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary.info must be bigger than or equal to 0", value=data__summary__info, name="" + (name_prefix or "data") + ".summary.info", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                if data__summary_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must not contain "+str(data__summary_keys)+" properties", value=data__summary, name="" + (name_prefix or "data") + ".summary", definition={'description': 'Severity → number of findings.', 'type': 'object', 'additionalProperties': False, 'required': ['critical', 'high', 'medium', 'low', 'info'], 'properties': {'critical': {'type': 'integer', 'minimum': 0}, 'high': {'type': 'integer', 'minimum': 0}, 'medium': {'type': 'integer', 'minimum': 0}, 'low': {'type': 'integer', 'minimum': 0}, 'info': {'type': 'integer', 'minimum': 0}}}, rule='additionalProperties')
        if "notes" in data_keys:
            data_keys.remove("notes")
            data__notes = data["notes"]
            if not isinstance(data__notes, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes must be array", value=data__notes, name="" + (name_prefix or "data") + ".notes", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__notes_is_list = isinstance(data__notes, (list, tuple))
            if data__notes_is_list:
                data__notes_len = len(data__notes)
                for data__notes_x, data__notes_item in enumerate(data__notes):
                    if not isinstance(data__notes_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".notes[{data__notes_x}]".format(**locals()) + " must be string", value=data__notes_item, name="" + (name_prefix or "data") + ".notes[{data__notes_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/diff.json', 'title': 'envsync.diff/v1', 'description': 'The findings between two sides (`envsync diff|drift|gate --format json`). Secret values appear only as fingerprints.', 'type': 'object', 'required': ['schema', 'a', 'b', 'findings', 'summary', 'notes'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.diff/v1'}, 'a': {'type': 'string'}, 'b': {'type': 'string'}, 'findings': {'type': 'array', 'items': {'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}}, 'summary': {'description': 'Severity → number of findings.', 'type': 'object', 'additionalProperties': False, 'required': ['critical', 'high', 'medium', 'low', 'info'], 'properties': {'critical': {'type': 'integer', 'minimum': 0}, 'high': {'type': 'integer', 'minimum': 0}, 'medium': {'type': 'integer', 'minimum': 0}, 'low': {'type': 'integer', 'minimum': 0}, 'info': {'type': 'integer', 'minimum': 0}}}, 'notes': {'type': 'array', 'items': {'type': 'string'}}}, '$defs': {'finding': {'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_diff_json___defs_finding(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}, rule='required')
        data_keys = set(data.keys())
        if "path" in data_keys:
            data_keys.remove("path")
            data__path = data["path"]
            if not isinstance(data__path, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".path must be string", value=data__path, name="" + (name_prefix or "data") + ".path", definition={'type': 'string'}, rule='type')
        if "service" in data_keys:
            data_keys.remove("service")
            data__service = data["service"]
            if not isinstance(data__service, (str, NoneType)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".service must be string or null", value=data__service, name="" + (name_prefix or "data") + ".service", definition={'type': ['string', 'null']}, rule='type')
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'added' or isinstance(data__kind, str) and data__kind == 'removed' or isinstance(data__kind, str) and data__kind == 'changed'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['added', 'removed', 'changed']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['added', 'removed', 'changed']}, rule='enum')
        if "category" in data_keys:
            data_keys.remove("category")
            data__category = data["category"]
            if not isinstance(data__category, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".category must be string", value=data__category, name="" + (name_prefix or "data") + ".category", definition={'type': 'string'}, rule='type')
        if "severity" in data_keys:
            data_keys.remove("severity")
            data__severity = data["severity"]
            if not (isinstance(data__severity, str) and data__severity == 'critical' or isinstance(data__severity, str) and data__severity == 'high' or isinstance(data__severity, str) and data__severity == 'medium' or isinstance(data__severity, str) and data__severity == 'low' or isinstance(data__severity, str) and data__severity == 'info'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".severity must be one of ['critical', 'high', 'medium', 'low', 'info']", value=data__severity, name="" + (name_prefix or "data") + ".severity", definition={'enum': ['critical', 'high', 'medium', 'low', 'info']}, rule='enum')
        if "before" in data_keys:
            data_keys.remove("before")
            data__before = data["before"]
        if "after" in data_keys:
            data_keys.remove("after")
            data__after = data["after"]
        if "message" in data_keys:
            data_keys.remove("message")
            data__message = data["message"]
            if not isinstance(data__message, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".message must be string", value=data__message, name="" + (name_prefix or "data") + ".message", definition={'type': 'string'}, rule='type')
        if "direction" in data_keys:
            data_keys.remove("direction")
            data__direction = data["direction"]
            if not (isinstance(data__direction, str) and data__direction == 'uncommitted' or isinstance(data__direction, str) and data__direction == 'runtime-override' or isinstance(data__direction, str) and data__direction == 'not-deployed' or isinstance(data__direction, str) and data__direction == 'conflict' or isinstance(data__direction, str) and data__direction == 'not-running' or isinstance(data__direction, str) and data__direction == 'undeclared' or data__direction is None):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".direction must be one of ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]", value=data__direction, name="" + (name_prefix or "data") + ".direction", definition={'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, rule='enum')
        if "expected" in data_keys:
            data_keys.remove("expected")
            data__expected = data["expected"]
            if not isinstance(data__expected, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".expected must be boolean", value=data__expected, name="" + (name_prefix or "data") + ".expected", definition={'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, rule='type')
        if "rule" in data_keys:
            data_keys.remove("rule")
            data__rule = data["rule"]
            if not isinstance(data__rule, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rule must be string", value=data__rule, name="" + (name_prefix or "data") + ".rule", definition={'type': 'string'}, rule='type')
        if "extra" in data_keys:
            data_keys.remove("extra")
            data__extra = data["extra"]
            if not isinstance(data__extra, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".extra must be object", value=data__extra, name="" + (name_prefix or "data") + ".extra", definition={'description': 'Evidence for patch planning (drift).', 'type': 'object'}, rule='type')
        if "host" in data_keys:
            data_keys.remove("host")
            data__host = data["host"]
            if not isinstance(data__host, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".host must be string", value=data__host, name="" + (name_prefix or "data") + ".host", definition={'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['path', 'service', 'kind', 'category', 'severity', 'before', 'after', 'message', 'direction', 'expected', 'rule'], 'additionalProperties': False, 'properties': {'path': {'type': 'string'}, 'service': {'type': ['string', 'null']}, 'kind': {'enum': ['added', 'removed', 'changed']}, 'category': {'type': 'string'}, 'severity': {'enum': ['critical', 'high', 'medium', 'low', 'info']}, 'before': {'description': 'The value on side a (any JSON; null when absent).'}, 'after': {'description': 'The value on side b (any JSON; null when absent).'}, 'message': {'type': 'string'}, 'direction': {'description': 'For drift: which of committed / declared / running disagrees.', 'enum': ['uncommitted', 'runtime-override', 'not-deployed', 'conflict', 'not-running', 'undeclared', None]}, 'expected': {'description': 'True when expect_different covers it (downgraded).', 'type': 'boolean'}, 'rule': {'type': 'string'}, 'extra': {'description': 'Evidence for patch planning (drift).', 'type': 'object'}, 'host': {'description': 'A fleet (engines:): the host whose containers the finding is about.', 'type': 'string'}}}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_diff_json
