export { fromBinary } from '@bufbuild/protobuf';
export { StationEventSchema } from '@app/contracts';
