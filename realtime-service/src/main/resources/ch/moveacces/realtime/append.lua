-- Appends one event to its member's stream and publishes it, once per event id.
-- KEYS[1] the event's dedupe key, KEYS[2] the member's stream
-- ARGV[1] message body {type, time, data}, ARGV[2] MAXLEN, ARGV[3] stream TTL (s),
-- ARGV[4] dedupe TTL (s), ARGV[5] channel, ARGV[6] directive
-- Returns the entry id, or false for an event already appended (a Kafka redelivery).
if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[4]) then
  return false
end
local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'm', ARGV[1])
redis.call('EXPIRE', KEYS[2], ARGV[3])
local message = '{"id":"' .. id .. '",' .. string.sub(ARGV[1], 2)
redis.call('PUBLISH', ARGV[5], id .. ' ' .. ARGV[6] .. '\n' .. message)
return id
