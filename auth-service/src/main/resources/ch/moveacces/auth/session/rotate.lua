-- Rotates a session's refresh token, atomically, so that two racing refreshes see one winner.
-- The current token rotates; the token rotated last, within the grace window, gets the sealed
-- pair its winner received; any other known token is a reuse and ends the session.
-- KEYS: 1 auth:session:{sid}, 2 auth:refresh:{new hash}, 3 auth:user-sessions:{userId}
-- ARGV: 1 presented hash, 2 new hash, 3 now ms, 4 grace ms, 5 sealed new pair, 6 ttl ms, 7 sid
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'gone'
end
local state = redis.call('HMGET', KEYS[1], 'refresh_hash', 'previous_hash', 'rotated_at', 'grace_pair')
if state[1] == ARGV[1] then
  redis.call('HSET', KEYS[1], 'refresh_hash', ARGV[2], 'previous_hash', ARGV[1],
    'rotated_at', ARGV[3], 'grace_pair', ARGV[5], 'last_used_at', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[6])
  redis.call('SET', KEYS[2], ARGV[7], 'PX', ARGV[6])
  redis.call('PEXPIRE', KEYS[3], ARGV[6])
  return 'rotated'
end
if state[2] == ARGV[1] and tonumber(ARGV[3]) - tonumber(state[3]) <= tonumber(ARGV[4]) then
  return 'grace:' .. state[4]
end
redis.call('DEL', KEYS[1])
redis.call('SREM', KEYS[3], ARGV[7])
return 'reused'
