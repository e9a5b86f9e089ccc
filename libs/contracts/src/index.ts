export * from './contract.error';
export * from './envelope';
export * from './envelope.codec';
export * from './generated/csms/v1/command_result_pb';
export * from './generated/csms/v1/common_pb';
export * from './generated/csms/v1/station_command_pb';
export * from './generated/csms/v1/station_event_pb';
export * from './generated/csms/v1/station_presence_pb';
export { timestampDate, timestampFromDate } from '@bufbuild/protobuf/wkt';
