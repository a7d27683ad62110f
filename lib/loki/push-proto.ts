import protobuf from 'protobufjs';

// Loki's push message (grafana/loki pkg/push/push.proto, field numbers as published): what Promtail,
// Alloy and the Loki clients send as snappy-compressed protobuf.
const root = new protobuf.Root();
const timestamp = new protobuf.Type('Timestamp')
  .add(new protobuf.Field('seconds', 1, 'int64'))
  .add(new protobuf.Field('nanos', 2, 'int32'));
const labelPair = new protobuf.Type('LabelPairAdapter')
  .add(new protobuf.Field('name', 1, 'string'))
  .add(new protobuf.Field('value', 2, 'string'));
const entry = new protobuf.Type('EntryAdapter')
  .add(new protobuf.Field('timestamp', 1, 'Timestamp'))
  .add(new protobuf.Field('line', 2, 'string'))
  .add(new protobuf.Field('structuredMetadata', 3, 'LabelPairAdapter', 'repeated'));
const stream = new protobuf.Type('StreamAdapter')
  .add(new protobuf.Field('labels', 1, 'string'))
  .add(new protobuf.Field('entries', 2, 'EntryAdapter', 'repeated'))
  .add(new protobuf.Field('hash', 3, 'uint64'));
export const PushRequest = new protobuf.Type('PushRequest').add(
  new protobuf.Field('streams', 1, 'StreamAdapter', 'repeated'),
);
root.define('logproto').add(timestamp).add(labelPair).add(entry).add(stream).add(PushRequest);
root.resolveAll();
