-- Sliding-window log: one sorted-set member per allowed request, scored by Redis's own clock in
-- milliseconds, so that every gateway instance counts against the same time.
-- KEYS[1] the counter; ARGV[1] window (ms), ARGV[2] limit, ARGV[3] a member unique to this request.
-- Returns {allowed (1/0), remaining, milliseconds until the oldest counted request leaves the window}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  count = count + 1
  allowed = 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
local reset = window
if oldest[2] then
  reset = tonumber(oldest[2]) + window - now
end
return {allowed, limit - count, reset}
