-- Ends one session, only if it belongs to the given user.
-- KEYS: 1 auth:session:{sid}, 2 auth:user-sessions:{userId}
-- ARGV: 1 user id, 2 sid
if redis.call('HGET', KEYS[1], 'user_id') ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[2], ARGV[2])
return 1
