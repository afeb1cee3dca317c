-- Starts a session: its hash (alive exactly as long as the session), its place in the user's
-- set, and the lookup from its refresh token's hash.
-- KEYS: 1 auth:session:{sid}, 2 auth:user-sessions:{userId}, 3 auth:refresh:{hash}
-- ARGV: 1 ttl ms, 2 sid, 3 user id, 4 email, 5 now ms, 6 user agent, 7 ip, 8 refresh hash
redis.call('HSET', KEYS[1], 'user_id', ARGV[3], 'email', ARGV[4], 'created_at', ARGV[5],
  'last_used_at', ARGV[5], 'user_agent', ARGV[6], 'ip', ARGV[7], 'refresh_hash', ARGV[8])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
redis.call('SADD', KEYS[2], ARGV[2])
redis.call('PEXPIRE', KEYS[2], ARGV[1])
redis.call('SET', KEYS[3], ARGV[2], 'PX', ARGV[1])
return 1
