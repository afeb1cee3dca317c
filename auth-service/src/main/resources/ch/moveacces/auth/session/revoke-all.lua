-- Ends every session of a user but the one to keep (none when ARGV[2] is empty).
-- KEYS: 1 auth:user-sessions:{userId}
-- ARGV: 1 session key prefix (auth:session:), 2 sid to keep
local ended = 0
for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if sid ~= ARGV[2] then
    ended = ended + redis.call('DEL', ARGV[1] .. sid)
    redis.call('SREM', KEYS[1], sid)
  end
end
return ended
