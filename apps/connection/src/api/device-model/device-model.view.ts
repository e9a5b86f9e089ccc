import type { DeviceModelRow } from './device-model-read.repository';
import type { DeviceModelItem } from './device-model.schemas';

const nullableNumber = (value: number | null) => (value === null ? null : Number(value));

export function deviceModelItemOf(row: DeviceModelRow): DeviceModelItem {
  return {
    key: row.variable_key,
    component: { name: row.component_name, instance: row.component_instance, evseId: nullableNumber(row.evse_id), connectorId: nullableNumber(row.connector_id) },
    variable: { name: row.variable_name, instance: row.variable_instance },
    attributeType: row.attribute_type as DeviceModelItem['attributeType'],
    value: row.value_redacted ? null : row.value,
    valueWithheld: row.value_redacted,
    mutability: row.mutability,
    persistent: row.persistent,
    constant: row.constant,
    characteristics:
      row.data_type === null
        ? null
        : {
            unit: row.unit,
            dataType: row.data_type,
            minLimit: nullableNumber(row.min_limit),
            maxLimit: nullableNumber(row.max_limit),
            valuesList: row.values_list,
            supportsMonitoring: row.supports_monitoring,
          },
    rebootRequired: row.reboot_required,
    lastSetStatus: row.last_set_status,
    source: row.source,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
