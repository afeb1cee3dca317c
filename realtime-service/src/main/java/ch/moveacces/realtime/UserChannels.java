package ch.moveacces.realtime;

import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Redis pub/sub, one channel per user ({@code realtime:user:{userId}}), subscribed by an instance
 * only while it holds a socket of that user: the messages an instance receives are those of its own
 * users. One connection per instance; Lettuce subscribes again after a reconnect.
 */
@Component
class UserChannels implements DisposableBean {

  static final String PREFIX = "realtime:user:";

  private final LettuceConnectionFactory factory;
  private @Nullable StatefulRedisPubSubConnection<String, String> connection;
  private @Nullable BiConsumer<String, String> listener;

  UserChannels(LettuceConnectionFactory factory) {
    this.factory = factory;
  }

  static String channel(String userId) {
    return PREFIX + userId;
  }

  /** Where messages go: (user id, payload). */
  synchronized void listen(BiConsumer<String, String> listener) {
    this.listener = listener;
  }

  /** Subscribes this user's channel; completes once Redis confirmed it. */
  CompletionStage<Void> subscribe(String userId) {
    return connection().async().subscribe(channel(userId)).thenApply(ignored -> null);
  }

  void unsubscribe(String userId) {
    connection().async().unsubscribe(channel(userId));
  }

  private synchronized StatefulRedisPubSubConnection<String, String> connection() {
    if (connection == null) {
      if (!(factory.getNativeClient() instanceof RedisClient client)) {
        throw new IllegalStateException("realtime-service needs a standalone Redis");
      }
      StatefulRedisPubSubConnection<String, String> created =
          client.connectPubSub(StringCodec.UTF8);
      created.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              BiConsumer<String, String> target = listener;
              if (target != null && channel.startsWith(PREFIX)) {
                target.accept(channel.substring(PREFIX.length()), message);
              }
            }
          });
      connection = created;
    }
    return connection;
  }

  @Override
  public synchronized void destroy() {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
