package io.outageradar.streams;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The records that Kafka Streams' producers were given and the broker has not answered for yet, and
 * when the last answer came: with the stream threads' consumers ({@link ConsumedInputs}), this
 * tells one who waits for a replay's last outputs that nothing is on its way any more.
 */
final class SendsInFlight {
  private final AtomicLong inFlight = new AtomicLong();
  private volatile long lastAnswerNanos = System.nanoTime();

  /** {@code producer}, its sends counted until the broker answers them (or they fail). */
  @SuppressWarnings("unchecked")
  Producer<byte[], byte[]> counted(Producer<byte[], byte[]> producer) {
    return (Producer<byte[], byte[]>)
        Proxy.newProxyInstance(
            Producer.class.getClassLoader(),
            new Class<?>[] {Producer.class},
            new Counting(producer));
  }

  /** Whether no send is open and the last answer came at least {@code nanos} ago. */
  boolean quietFor(long nanos) {
    return inFlight.get() == 0 && System.nanoTime() - lastAnswerNanos >= nanos;
  }

  private void answered() {
    lastAnswerNanos = System.nanoTime();
    inFlight.decrementAndGet();
  }

  private final class Counting implements InvocationHandler {
    private final Producer<byte[], byte[]> producer;

    Counting(Producer<byte[], byte[]> producer) {
      this.producer = producer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (!method.getName().equals("send")) {
        try {
          return method.invoke(producer, args);
        } catch (InvocationTargetException e) {
          throw e.getCause();
        }
      }
      inFlight.incrementAndGet();
      // once per send, whether the broker answers, the producer fails it, or it throws (some
      // refusals call back and throw)
      AtomicBoolean open = new AtomicBoolean(true);
      Callback callback = args.length > 1 ? (Callback) args[1] : null;
      Callback counted =
          (metadata, error) -> {
            if (open.getAndSet(false)) {
              answered();
            }
            if (callback != null) {
              callback.onCompletion(metadata, error);
            }
          };
      try {
        return producer.send((ProducerRecord<byte[], byte[]>) args[0], counted);
      } catch (RuntimeException e) {
        if (open.getAndSet(false)) {
          answered();
        }
        throw e;
      }
    }
  }
}
