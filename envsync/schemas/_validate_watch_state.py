# Generated from watch-state.json by `python -m envsync.schemas.compiled`: do not edit.
# fastjsonschema 2.22.3
# mypy: ignore-errors
# ruff: noqa
SCHEMA_CHECKSUM = 'crc32:fa1dff77'
VERSION = "2.22.3"
Decimal = float  # no document holds a Decimal
from envsync.schemas.violation import JsonSchemaValueException, JsonSchemaValuesException


NoneType = type(None)

def validate_https___envsync_dev_schemas_watch_state_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/watch-state.json', 'title': 'envsync.watch-state/v1', 'description': "`<snapshots>/<env>/watch-state.json`: what `envsync watch` remembers of one environment between rounds and across restarts: alert states, the previous round's restart counts, containers and command-latency counters, when drift last ran, and the notifications not yet delivered.", 'type': 'object', 'required': ['schema', 'environment', 'round', 'drift_at', 'alerts', 'restarts', 'known', 'outbox'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.watch-state/v1'}, 'environment': {'type': 'string'}, 'round': {'type': 'integer', 'minimum': 0}, 'drift_at': {'type': ['number', 'null']}, 'alerts': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}}, 'restarts': {'type': 'object', 'additionalProperties': {'type': 'integer', 'minimum': 0}}, 'known': {'type': 'array', 'items': {'type': 'string'}}, 'counters': {'description': "The services' command-latency histograms at the previous round, [count, sum] by URL digest/command (absent in files written before it existed).", 'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'number', 'minimum': 0}, 'minItems': 2, 'maxItems': 2}}, 'outbox': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'channel', 'transition', 'attempts'], 'additionalProperties': False, 'properties': {'id': {'type': 'string'}, 'channel': {'type': 'string'}, 'attempts': {'type': 'integer', 'minimum': 0}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}}}, '$defs': {'alert': {'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['schema', 'environment', 'round', 'drift_at', 'alerts', 'restarts', 'known', 'outbox']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/watch-state.json', 'title': 'envsync.watch-state/v1', 'description': "`<snapshots>/<env>/watch-state.json`: what `envsync watch` remembers of one environment between rounds and across restarts: alert states, the previous round's restart counts, containers and command-latency counters, when drift last ran, and the notifications not yet delivered.", 'type': 'object', 'required': ['schema', 'environment', 'round', 'drift_at', 'alerts', 'restarts', 'known', 'outbox'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.watch-state/v1'}, 'environment': {'type': 'string'}, 'round': {'type': 'integer', 'minimum': 0}, 'drift_at': {'type': ['number', 'null']}, 'alerts': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}}, 'restarts': {'type': 'object', 'additionalProperties': {'type': 'integer', 'minimum': 0}}, 'known': {'type': 'array', 'items': {'type': 'string'}}, 'counters': {'description': "The services' command-latency histograms at the previous round, [count, sum] by URL digest/command (absent in files written before it existed).", 'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'number', 'minimum': 0}, 'minItems': 2, 'maxItems': 2}}, 'outbox': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'channel', 'transition', 'attempts'], 'additionalProperties': False, 'properties': {'id': {'type': 'string'}, 'channel': {'type': 'string'}, 'attempts': {'type': 'integer', 'minimum': 0}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}}}, '$defs': {'alert': {'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}, rule='required')
        data_keys = set(data.keys())
        if "schema" in data_keys:
            data_keys.remove("schema")
            data__schema = data["schema"]
            if not (isinstance(data__schema, str) and data__schema == 'envsync.watch-state/v1'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".schema must be same as const definition: envsync.watch-state/v1", value=data__schema, name="" + (name_prefix or "data") + ".schema", definition={'const': 'envsync.watch-state/v1'}, rule='const')
        if "environment" in data_keys:
            data_keys.remove("environment")
            data__environment = data["environment"]
            if not isinstance(data__environment, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".environment must be string", value=data__environment, name="" + (name_prefix or "data") + ".environment", definition={'type': 'string'}, rule='type')
        if "round" in data_keys:
            data_keys.remove("round")
            data__round = data["round"]
            if not isinstance(data__round, (int)) and not (isinstance(data__round, float) and data__round.is_integer()) or isinstance(data__round, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".round must be integer", value=data__round, name="" + (name_prefix or "data") + ".round", definition={'type': 'integer', 'minimum': 0}, rule='type')
            if isinstance(data__round, (int, float, Decimal)) and not isinstance(data__round, bool):
                if data__round < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".round must be bigger than or equal to 0", value=data__round, name="" + (name_prefix or "data") + ".round", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
        if "drift_at" in data_keys:
            data_keys.remove("drift_at")
            data__driftat = data["drift_at"]
            if not isinstance(data__driftat, (int, float, Decimal, NoneType)) or isinstance(data__driftat, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".drift_at must be number or null", value=data__driftat, name="" + (name_prefix or "data") + ".drift_at", definition={'type': ['number', 'null']}, rule='type')
        if "alerts" in data_keys:
            data_keys.remove("alerts")
            data__alerts = data["alerts"]
            if not isinstance(data__alerts, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".alerts must be object", value=data__alerts, name="" + (name_prefix or "data") + ".alerts", definition={'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}}, rule='type')
            data__alerts_is_dict = isinstance(data__alerts, dict)
            if data__alerts_is_dict:
                data__alerts_keys = set(data__alerts.keys())
                for data__alerts_key in data__alerts_keys:
                    if data__alerts_key not in []:
                        data__alerts_value = data__alerts.get(data__alerts_key)
                        validate_https___envsync_dev_schemas_watch_state_json___defs_alert(data__alerts_value, custom_formats, (name_prefix or "data") + ".alerts.{data__alerts_key}".format(**locals()))
        if "restarts" in data_keys:
            data_keys.remove("restarts")
            data__restarts = data["restarts"]
            if not isinstance(data__restarts, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restarts must be object", value=data__restarts, name="" + (name_prefix or "data") + ".restarts", definition={'type': 'object', 'additionalProperties': {'type': 'integer', 'minimum': 0}}, rule='type')
            data__restarts_is_dict = isinstance(data__restarts, dict)
            if data__restarts_is_dict:
                data__restarts_keys = set(data__restarts.keys())
                for data__restarts_key in data__restarts_keys:
                    if data__restarts_key not in []:
                        data__restarts_value = data__restarts.get(data__restarts_key)
                        if not isinstance(data__restarts_value, (int)) and not (isinstance(data__restarts_value, float) and data__restarts_value.is_integer()) or isinstance(data__restarts_value, bool):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".restarts.{data__restarts_key}".format(**locals()) + " must be integer", value=data__restarts_value, name="" + (name_prefix or "data") + ".restarts.{data__restarts_key}".format(**locals()) + "", definition={'type': 'integer', 'minimum': 0}, rule='type')
                        if isinstance(data__restarts_value, (int, float, Decimal)) and not isinstance(data__restarts_value, bool):
                            if data__restarts_value < 0:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".restarts.{data__restarts_key}".format(**locals()) + " must be bigger than or equal to 0", value=data__restarts_value, name="" + (name_prefix or "data") + ".restarts.{data__restarts_key}".format(**locals()) + "", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
        if "known" in data_keys:
            data_keys.remove("known")
            data__known = data["known"]
            if not isinstance(data__known, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".known must be array", value=data__known, name="" + (name_prefix or "data") + ".known", definition={'type': 'array', 'items': {'type': 'string'}}, rule='type')
            data__known_is_list = isinstance(data__known, (list, tuple))
            if data__known_is_list:
                data__known_len = len(data__known)
                for data__known_x, data__known_item in enumerate(data__known):
                    if not isinstance(data__known_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".known[{data__known_x}]".format(**locals()) + " must be string", value=data__known_item, name="" + (name_prefix or "data") + ".known[{data__known_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "counters" in data_keys:
            data_keys.remove("counters")
            data__counters = data["counters"]
            if not isinstance(data__counters, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".counters must be object", value=data__counters, name="" + (name_prefix or "data") + ".counters", definition={'description': "The services' command-latency histograms at the previous round, [count, sum] by URL digest/command (absent in files written before it existed).", 'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'number', 'minimum': 0}, 'minItems': 2, 'maxItems': 2}}, rule='type')
            data__counters_is_dict = isinstance(data__counters, dict)
            if data__counters_is_dict:
                data__counters_keys = set(data__counters.keys())
                for data__counters_key in data__counters_keys:
                    if data__counters_key not in []:
                        data__counters_value = data__counters.get(data__counters_key)
                        if not isinstance(data__counters_value, (list, tuple)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".counters.{data__counters_key}".format(**locals()) + " must be array", value=data__counters_value, name="" + (name_prefix or "data") + ".counters.{data__counters_key}".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'number', 'minimum': 0}, 'minItems': 2, 'maxItems': 2}, rule='type')
                        data__counters_value_is_list = isinstance(data__counters_value, (list, tuple))
                        if data__counters_value_is_list:
                            data__counters_value_len = len(data__counters_value)
                            if data__counters_value_len < 2:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".counters.{data__counters_key}".format(**locals()) + " must contain at least 2 items", value=data__counters_value, name="" + (name_prefix or "data") + ".counters.{data__counters_key}".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'number', 'minimum': 0}, 'minItems': 2, 'maxItems': 2}, rule='minItems')
                            if data__counters_value_len > 2:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".counters.{data__counters_key}".format(**locals()) + " must contain less than or equal to 2 items", value=data__counters_value, name="" + (name_prefix or "data") + ".counters.{data__counters_key}".format(**locals()) + "", definition={'type': 'array', 'items': {'type': 'number', 'minimum': 0}, 'minItems': 2, 'maxItems': 2}, rule='maxItems')
                            for data__counters_value_x, data__counters_value_item in enumerate(data__counters_value):
                                if not isinstance(data__counters_value_item, (int, float, Decimal)) or isinstance(data__counters_value_item, bool):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".counters.{data__counters_key}[{data__counters_value_x}]".format(**locals()) + " must be number", value=data__counters_value_item, name="" + (name_prefix or "data") + ".counters.{data__counters_key}[{data__counters_value_x}]".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='type')
                                if isinstance(data__counters_value_item, (int, float, Decimal)) and not isinstance(data__counters_value_item, bool):
                                    if data__counters_value_item < 0:
                                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".counters.{data__counters_key}[{data__counters_value_x}]".format(**locals()) + " must be bigger than or equal to 0", value=data__counters_value_item, name="" + (name_prefix or "data") + ".counters.{data__counters_key}[{data__counters_value_x}]".format(**locals()) + "", definition={'type': 'number', 'minimum': 0}, rule='minimum')
        if "outbox" in data_keys:
            data_keys.remove("outbox")
            data__outbox = data["outbox"]
            if not isinstance(data__outbox, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox must be array", value=data__outbox, name="" + (name_prefix or "data") + ".outbox", definition={'type': 'array', 'items': {'type': 'object', 'required': ['id', 'channel', 'transition', 'attempts'], 'additionalProperties': False, 'properties': {'id': {'type': 'string'}, 'channel': {'type': 'string'}, 'attempts': {'type': 'integer', 'minimum': 0}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}}, rule='type')
            data__outbox_is_list = isinstance(data__outbox, (list, tuple))
            if data__outbox_is_list:
                data__outbox_len = len(data__outbox)
                for data__outbox_x, data__outbox_item in enumerate(data__outbox):
                    if not isinstance(data__outbox_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox[{data__outbox_x}]".format(**locals()) + " must be object", value=data__outbox_item, name="" + (name_prefix or "data") + ".outbox[{data__outbox_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['id', 'channel', 'transition', 'attempts'], 'additionalProperties': False, 'properties': {'id': {'type': 'string'}, 'channel': {'type': 'string'}, 'attempts': {'type': 'integer', 'minimum': 0}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}, rule='type')
                    data__outbox_item_is_dict = isinstance(data__outbox_item, dict)
                    if data__outbox_item_is_dict:
                        data__outbox_item__missing_keys = set(['id', 'channel', 'transition', 'attempts']) - data__outbox_item.keys()
                        if data__outbox_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox[{data__outbox_x}]".format(**locals()) + " must contain " + (str(sorted(data__outbox_item__missing_keys)) + " properties"), value=data__outbox_item, name="" + (name_prefix or "data") + ".outbox[{data__outbox_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['id', 'channel', 'transition', 'attempts'], 'additionalProperties': False, 'properties': {'id': {'type': 'string'}, 'channel': {'type': 'string'}, 'attempts': {'type': 'integer', 'minimum': 0}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}, rule='required')
                        data__outbox_item_keys = set(data__outbox_item.keys())
                        if "id" in data__outbox_item_keys:
                            data__outbox_item_keys.remove("id")
                            data__outbox_item__id = data__outbox_item["id"]
                            if not isinstance(data__outbox_item__id, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox[{data__outbox_x}].id".format(**locals()) + " must be string", value=data__outbox_item__id, name="" + (name_prefix or "data") + ".outbox[{data__outbox_x}].id".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "channel" in data__outbox_item_keys:
                            data__outbox_item_keys.remove("channel")
                            data__outbox_item__channel = data__outbox_item["channel"]
                            if not isinstance(data__outbox_item__channel, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox[{data__outbox_x}].channel".format(**locals()) + " must be string", value=data__outbox_item__channel, name="" + (name_prefix or "data") + ".outbox[{data__outbox_x}].channel".format(**locals()) + "", definition={'type': 'string'}, rule='type')
                        if "attempts" in data__outbox_item_keys:
                            data__outbox_item_keys.remove("attempts")
                            data__outbox_item__attempts = data__outbox_item["attempts"]
                            if not isinstance(data__outbox_item__attempts, (int)) and not (isinstance(data__outbox_item__attempts, float) and data__outbox_item__attempts.is_integer()) or isinstance(data__outbox_item__attempts, bool):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox[{data__outbox_x}].attempts".format(**locals()) + " must be integer", value=data__outbox_item__attempts, name="" + (name_prefix or "data") + ".outbox[{data__outbox_x}].attempts".format(**locals()) + "", definition={'type': 'integer', 'minimum': 0}, rule='type')
                            if isinstance(data__outbox_item__attempts, (int, float, Decimal)) and not isinstance(data__outbox_item__attempts, bool):
                                if data__outbox_item__attempts < 0:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox[{data__outbox_x}].attempts".format(**locals()) + " must be bigger than or equal to 0", value=data__outbox_item__attempts, name="" + (name_prefix or "data") + ".outbox[{data__outbox_x}].attempts".format(**locals()) + "", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
                        if "transition" in data__outbox_item_keys:
                            data__outbox_item_keys.remove("transition")
                            data__outbox_item__transition = data__outbox_item["transition"]
                            validate_https___envsync_dev_schemas_watch_state_json___defs_transition(data__outbox_item__transition, custom_formats, (name_prefix or "data") + ".outbox[{data__outbox_x}].transition".format(**locals()))
                        if data__outbox_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".outbox[{data__outbox_x}]".format(**locals()) + " must not contain "+str(data__outbox_item_keys)+" properties", value=data__outbox_item, name="" + (name_prefix or "data") + ".outbox[{data__outbox_x}]".format(**locals()) + "", definition={'type': 'object', 'required': ['id', 'channel', 'transition', 'attempts'], 'additionalProperties': False, 'properties': {'id': {'type': 'string'}, 'channel': {'type': 'string'}, 'attempts': {'type': 'integer', 'minimum': 0}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}, rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://envsync.dev/schemas/watch-state.json', 'title': 'envsync.watch-state/v1', 'description': "`<snapshots>/<env>/watch-state.json`: what `envsync watch` remembers of one environment between rounds and across restarts: alert states, the previous round's restart counts, containers and command-latency counters, when drift last ran, and the notifications not yet delivered.", 'type': 'object', 'required': ['schema', 'environment', 'round', 'drift_at', 'alerts', 'restarts', 'known', 'outbox'], 'additionalProperties': False, 'properties': {'schema': {'const': 'envsync.watch-state/v1'}, 'environment': {'type': 'string'}, 'round': {'type': 'integer', 'minimum': 0}, 'drift_at': {'type': ['number', 'null']}, 'alerts': {'type': 'object', 'additionalProperties': {'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}}, 'restarts': {'type': 'object', 'additionalProperties': {'type': 'integer', 'minimum': 0}}, 'known': {'type': 'array', 'items': {'type': 'string'}}, 'counters': {'description': "The services' command-latency histograms at the previous round, [count, sum] by URL digest/command (absent in files written before it existed).", 'type': 'object', 'additionalProperties': {'type': 'array', 'items': {'type': 'number', 'minimum': 0}, 'minItems': 2, 'maxItems': 2}}, 'outbox': {'type': 'array', 'items': {'type': 'object', 'required': ['id', 'channel', 'transition', 'attempts'], 'additionalProperties': False, 'properties': {'id': {'type': 'string'}, 'channel': {'type': 'string'}, 'attempts': {'type': 'integer', 'minimum': 0}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}}}, '$defs': {'alert': {'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}, 'transition': {'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_watch_state_json___defs_transition(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}, rule='required')
        data_keys = set(data.keys())
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not (isinstance(data__status, str) and data__status == 'firing' or isinstance(data__status, str) and data__status == 'resolved'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be one of ['firing', 'resolved']", value=data__status, name="" + (name_prefix or "data") + ".status", definition={'enum': ['firing', 'resolved']}, rule='enum')
        if "env" in data_keys:
            data_keys.remove("env")
            data__env = data["env"]
            if not isinstance(data__env, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".env must be string", value=data__env, name="" + (name_prefix or "data") + ".env", definition={'type': 'string'}, rule='type')
        if "rule" in data_keys:
            data_keys.remove("rule")
            data__rule = data["rule"]
            if not isinstance(data__rule, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rule must be string", value=data__rule, name="" + (name_prefix or "data") + ".rule", definition={'type': 'string'}, rule='type')
        if "subject" in data_keys:
            data_keys.remove("subject")
            data__subject = data["subject"]
            if not isinstance(data__subject, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".subject must be string", value=data__subject, name="" + (name_prefix or "data") + ".subject", definition={'type': 'string'}, rule='type')
        if "severity" in data_keys:
            data_keys.remove("severity")
            data__severity = data["severity"]
            if not (isinstance(data__severity, str) and data__severity == 'warning' or isinstance(data__severity, str) and data__severity == 'critical'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".severity must be one of ['warning', 'critical']", value=data__severity, name="" + (name_prefix or "data") + ".severity", definition={'enum': ['warning', 'critical']}, rule='enum')
        if "summary" in data_keys:
            data_keys.remove("summary")
            data__summary = data["summary"]
            if not isinstance(data__summary, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".summary must be string", value=data__summary, name="" + (name_prefix or "data") + ".summary", definition={'type': 'string'}, rule='type')
        if "since" in data_keys:
            data_keys.remove("since")
            data__since = data["since"]
            if not isinstance(data__since, (int, float, Decimal)) or isinstance(data__since, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".since must be number", value=data__since, name="" + (name_prefix or "data") + ".since", definition={'type': 'number'}, rule='type')
        if "at" in data_keys:
            data_keys.remove("at")
            data__at = data["at"]
            if not isinstance(data__at, (int, float, Decimal)) or isinstance(data__at, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".at must be number", value=data__at, name="" + (name_prefix or "data") + ".at", definition={'type': 'number'}, rule='type')
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
            if not isinstance(data__value, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be string", value=data__value, name="" + (name_prefix or "data") + ".value", definition={'type': 'string'}, rule='type')
        if "detail" in data_keys:
            data_keys.remove("detail")
            data__detail = data["detail"]
            if not isinstance(data__detail, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".detail must be string", value=data__detail, name="" + (name_prefix or "data") + ".detail", definition={'type': 'string'}, rule='type')
        if "command" in data_keys:
            data_keys.remove("command")
            data__command = data["command"]
            if not isinstance(data__command, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".command must be string", value=data__command, name="" + (name_prefix or "data") + ".command", definition={'type': 'string'}, rule='type')
        if "flapping" in data_keys:
            data_keys.remove("flapping")
            data__flapping = data["flapping"]
            if not isinstance(data__flapping, (bool)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".flapping must be boolean", value=data__flapping, name="" + (name_prefix or "data") + ".flapping", definition={'type': 'boolean'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['status', 'env', 'rule', 'subject', 'severity', 'summary', 'since', 'at', 'value', 'detail', 'command', 'flapping'], 'additionalProperties': False, 'properties': {'status': {'enum': ['firing', 'resolved']}, 'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'severity': {'enum': ['warning', 'critical']}, 'summary': {'type': 'string'}, 'since': {'type': 'number'}, 'at': {'type': 'number'}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'flapping': {'type': 'boolean'}}}, rule='additionalProperties')
    return data

def validate_https___envsync_dev_schemas_watch_state_json___defs_alert(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}, rule='required')
        data_keys = set(data.keys())
        if "env" in data_keys:
            data_keys.remove("env")
            data__env = data["env"]
            if not isinstance(data__env, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".env must be string", value=data__env, name="" + (name_prefix or "data") + ".env", definition={'type': 'string'}, rule='type')
        if "rule" in data_keys:
            data_keys.remove("rule")
            data__rule = data["rule"]
            if not isinstance(data__rule, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".rule must be string", value=data__rule, name="" + (name_prefix or "data") + ".rule", definition={'type': 'string'}, rule='type')
        if "subject" in data_keys:
            data_keys.remove("subject")
            data__subject = data["subject"]
            if not isinstance(data__subject, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".subject must be string", value=data__subject, name="" + (name_prefix or "data") + ".subject", definition={'type': 'string'}, rule='type')
        if "status" in data_keys:
            data_keys.remove("status")
            data__status = data["status"]
            if not (isinstance(data__status, str) and data__status == 'ok' or isinstance(data__status, str) and data__status == 'pending' or isinstance(data__status, str) and data__status == 'firing'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".status must be one of ['ok', 'pending', 'firing']", value=data__status, name="" + (name_prefix or "data") + ".status", definition={'enum': ['ok', 'pending', 'firing']}, rule='enum')
        if "bad_rounds" in data_keys:
            data_keys.remove("bad_rounds")
            data__badrounds = data["bad_rounds"]
            if not isinstance(data__badrounds, (int)) and not (isinstance(data__badrounds, float) and data__badrounds.is_integer()) or isinstance(data__badrounds, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".bad_rounds must be integer", value=data__badrounds, name="" + (name_prefix or "data") + ".bad_rounds", definition={'type': 'integer', 'minimum': 0}, rule='type')
            if isinstance(data__badrounds, (int, float, Decimal)) and not isinstance(data__badrounds, bool):
                if data__badrounds < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".bad_rounds must be bigger than or equal to 0", value=data__badrounds, name="" + (name_prefix or "data") + ".bad_rounds", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
        if "good_rounds" in data_keys:
            data_keys.remove("good_rounds")
            data__goodrounds = data["good_rounds"]
            if not isinstance(data__goodrounds, (int)) and not (isinstance(data__goodrounds, float) and data__goodrounds.is_integer()) or isinstance(data__goodrounds, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".good_rounds must be integer", value=data__goodrounds, name="" + (name_prefix or "data") + ".good_rounds", definition={'type': 'integer', 'minimum': 0}, rule='type')
            if isinstance(data__goodrounds, (int, float, Decimal)) and not isinstance(data__goodrounds, bool):
                if data__goodrounds < 0:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".good_rounds must be bigger than or equal to 0", value=data__goodrounds, name="" + (name_prefix or "data") + ".good_rounds", definition={'type': 'integer', 'minimum': 0}, rule='minimum')
        if "since" in data_keys:
            data_keys.remove("since")
            data__since = data["since"]
            if not isinstance(data__since, (int, float, Decimal, NoneType)) or isinstance(data__since, bool):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".since must be number or null", value=data__since, name="" + (name_prefix or "data") + ".since", definition={'type': ['number', 'null']}, rule='type')
        if "value" in data_keys:
            data_keys.remove("value")
            data__value = data["value"]
            if not isinstance(data__value, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".value must be string", value=data__value, name="" + (name_prefix or "data") + ".value", definition={'type': 'string'}, rule='type')
        if "detail" in data_keys:
            data_keys.remove("detail")
            data__detail = data["detail"]
            if not isinstance(data__detail, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".detail must be string", value=data__detail, name="" + (name_prefix or "data") + ".detail", definition={'type': 'string'}, rule='type')
        if "command" in data_keys:
            data_keys.remove("command")
            data__command = data["command"]
            if not isinstance(data__command, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".command must be string", value=data__command, name="" + (name_prefix or "data") + ".command", definition={'type': 'string'}, rule='type')
        if "fired_rounds" in data_keys:
            data_keys.remove("fired_rounds")
            data__firedrounds = data["fired_rounds"]
            if not isinstance(data__firedrounds, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".fired_rounds must be array", value=data__firedrounds, name="" + (name_prefix or "data") + ".fired_rounds", definition={'type': 'array', 'items': {'type': 'integer'}}, rule='type')
            data__firedrounds_is_list = isinstance(data__firedrounds, (list, tuple))
            if data__firedrounds_is_list:
                data__firedrounds_len = len(data__firedrounds)
                for data__firedrounds_x, data__firedrounds_item in enumerate(data__firedrounds):
                    if not isinstance(data__firedrounds_item, (int)) and not (isinstance(data__firedrounds_item, float) and data__firedrounds_item.is_integer()) or isinstance(data__firedrounds_item, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".fired_rounds[{data__firedrounds_x}]".format(**locals()) + " must be integer", value=data__firedrounds_item, name="" + (name_prefix or "data") + ".fired_rounds[{data__firedrounds_x}]".format(**locals()) + "", definition={'type': 'integer'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'required': ['env', 'rule', 'subject', 'status', 'bad_rounds', 'good_rounds', 'since', 'value', 'detail', 'command', 'fired_rounds'], 'additionalProperties': False, 'properties': {'env': {'type': 'string'}, 'rule': {'type': 'string'}, 'subject': {'type': 'string'}, 'status': {'enum': ['ok', 'pending', 'firing']}, 'bad_rounds': {'type': 'integer', 'minimum': 0}, 'good_rounds': {'type': 'integer', 'minimum': 0}, 'since': {'type': ['number', 'null']}, 'value': {'type': 'string'}, 'detail': {'type': 'string'}, 'command': {'type': 'string'}, 'fired_rounds': {'type': 'array', 'items': {'type': 'integer'}}}}, rule='additionalProperties')
    return data
validate = validate_https___envsync_dev_schemas_watch_state_json
