package io.circus.zmq.stats;

import io.circus.jmx.ArbiterMXBean;
import io.circus.jmx.SocketInfo;
import io.circus.jmx.WatcherMXBean;
import io.circus.stats.ProcessInfo;
import io.circus.stats.ProcessSampler;
import io.circus.zmq.StatsChannelMXBean;
import io.circus.protocol.Beans;
import io.circus.zmq.internal.Binding;
import io.circus.protocol.WireJson;
import io.circus.zmq.internal.Mailbox;
import io.circus.zmq.internal.TopicSubscriptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * What circusd-stats publishes, published by the daemon itself on {@code stats_endpoint}: every
 * {@code stats_interval}, each running process of each watcher ({@code stat.<watcher>.<pid>}) and
 * the watcher's aggregate ({@code stat.<watcher>}), the daemon ({@code stat.circus[.<pid>]}) and
 * the sockets ({@code stat.sockets[.<fd>]}). Pids and sockets come from the MBeans, figures from
 * /proc; a round costs a few file reads per process and nothing per idle watcher.
 *
 * <p>Rounds run only while someone listens: the socket is an XPUB (subscribers cannot tell it from
 * circusd-stats' PUB), which hands up each topic prefix as it is first subscribed and last
 * abandoned, and a round samples only the groups some subscription can match. With no subscriber
 * the thread sleeps in its poller until a subscription or {@link #close} wakes it.
 *
 * <p>Threading: the socket is created, used and closed on the {@code circus-zmq-stats} thread.
 */
public final class StatsStreamer implements StatsChannelMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatsStreamer.class);

    private final ZContext context;
    private final String endpoint;
    private final Duration interval;
    private final Beans beans;
    private final ProcessSampler sampler;
    private final Path procNet;
    private final CompletableFuture<String> bound = new CompletableFuture<>();
    private final Mailbox<Object> wakeup = new Mailbox<>();
    /** Topic prefixes subscribed to; read on the stats thread. */
    private final TopicSubscriptions subscribed = new TopicSubscriptions();
    /** Per-process payloads; stats thread only. */
    private final StatsJson json = new StatsJson();
    private volatile boolean running = true;
    private final Thread thread;
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong messages = new AtomicLong();
    private volatile int lastRoundProcesses;
    private volatile long lastRoundMicros;
    private volatile Consumer<ZMQ.Socket> beforeBind = socket -> { };
    private volatile Consumer<String> afterBind = endpoint -> { };

    public StatsStreamer(ZContext context, String endpoint, Duration interval, Beans beans, ProcessSampler sampler) {
        this.context = context;
        this.endpoint = endpoint;
        this.interval = interval.isPositive() ? interval : Duration.ofSeconds(1);
        this.beans = beans;
        this.sampler = sampler;
        this.procNet = Path.of("/proc/net");
        this.thread = Thread.ofPlatform().name("circus-zmq-stats").daemon().unstarted(this::run);
    }

    /**
     * Security set-up (docs/security.md): {@code before} runs on the stats thread before the bind,
     * {@code after} with the endpoint bound. Call before {@link #start}.
     */
    public void guard(Consumer<ZMQ.Socket> before, Consumer<String> after) {
        this.beforeBind = before;
        this.afterBind = after;
    }

    /**
     * Binds and starts publishing.
     *
     * @return the endpoint actually bound
     * @throws IllegalStateException when it cannot be bound
     */
    public String start() {
        thread.start();
        try {
            return bound.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("[circus] stats_endpoint = '" + endpoint + "': cannot bind: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("stats endpoint " + endpoint + " not bound: " + e);
        }
    }

    private void run() {
        ZMQ.Socket pub = context.createSocket(SocketType.XPUB);
        try {
            pub.setLinger(0);
            beforeBind.accept(pub);
            pub.bind(endpoint);
            afterBind.accept(pub.getLastEndpoint());
        } catch (RuntimeException e) {
            pub.close();
            wakeup.close();
            bound.completeExceptionally(Binding.failure(e));
            return;
        }
        ZMQ.Poller poller = context.createPoller(2);
        try {
            poller.register(pub, ZMQ.Poller.POLLIN);
            poller.register(wakeup.wakeupChannel(), ZMQ.Poller.POLLIN);
            bound.complete(pub.getLastEndpoint());
            LOG.info("stats stream publishing on {} every {} ms while subscribed", pub.getLastEndpoint(),
                    interval.toMillis());
            long next = System.nanoTime();
            while (running) {
                long wait = subscribed.isEmpty() ? -1 : Math.max(0, next - System.nanoTime());
                poller.poll(wait < 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(wait + 999_999));
                wakeup.drain(x -> { });
                subscribed.read(pub);
                long now = System.nanoTime();
                if (!running || subscribed.isEmpty()) {
                    next = now; // The first subscriber gets a round at once.
                } else if (now - next >= 0) {
                    round(pub);
                    next = now + interval.toNanos();
                }
            }
        } catch (RuntimeException e) {
            LOG.error("stats stream failed; stats are no longer published", e);
        } finally {
            pub.close();
            poller.close();
            wakeup.close();
        }
    }

    private void round(ZMQ.Socket pub) {
        long started = System.nanoTime();
        long now = System.currentTimeMillis();
        int sampled = 0;
        try {
            ArbiterMXBean arbiter = beans.arbiter();
            for (String name : arbiter.getWatcherNames()) {
                if (subscribed.feeds("stat." + name.toLowerCase(Locale.ROOT))) {
                    sampled += watcher(pub, name, now);
                }
            }
            if (subscribed.feeds("stat.circus")) {
                daemon(pub, now);
            }
            if (subscribed.feeds("stat.sockets")) {
                sockets(pub, arbiter.listSockets());
            }
        } catch (RuntimeException e) {
            // The arbiter bean is not (or no longer) registered: nothing to report this round.
            LOG.debug("stats round skipped: {}", e.toString());
        }
        rounds.incrementAndGet();
        lastRoundProcesses = sampled;
        lastRoundMicros = (System.nanoTime() - started) / 1000;
    }

    private int watcher(ZMQ.Socket pub, String name, long now) {
        long[] pids;
        try {
            pids = beans.watcher(name).map(WatcherMXBean::getPids).orElse(new long[0]);
        } catch (RuntimeException e) {
            return 0;
        }
        if (pids.length == 0) {
            return 0;
        }
        // circusd-stats names groups as "list" does: lower-case.
        String group = name.toLowerCase(Locale.ROOT);
        List<ProcessInfo> read = new ArrayList<>(pids.length);
        // Sampled first and sent in one burst: the ZeroMQ I/O thread then writes the round in a few
        // large batches instead of waking for every message while the /proc reads go on.
        List<String> topics = new ArrayList<>(pids.length + 1);
        List<byte[]> payloads = new ArrayList<>(pids.length + 1);
        for (long pid : pids) {
            Optional<ProcessInfo> info = sampler.sample(pid);
            if (info.isPresent()) {
                read.add(info.get());
                topics.add("stat." + group + "." + pid);
                payloads.add(json.process(info.get(), sampler.children(pid), null, now));
            }
        }
        topics.add("stat." + group);
        payloads.add(WireJson.encode(StatsFormat.aggregate(read, now)));
        for (int i = 0; i < topics.size(); i++) {
            pub.sendMore(topics.get(i));
            pub.send(payloads.get(i), 0);
        }
        messages.addAndGet(topics.size());
        return pids.length;
    }

    private void daemon(ZMQ.Socket pub, long now) {
        long self = ProcessHandle.current().pid();
        sampler.sample(self).ifPresent(p -> {
            send(pub, "stat.circus." + self, StatsFormat.process(p, List.of(), "circusd", now));
            send(pub, "stat.circus", StatsFormat.aggregate(List.of(p), now));
        });
    }

    private void sockets(ZMQ.Socket pub, List<SocketInfo> sockets) {
        if (sockets.isEmpty()) {
            return;
        }
        Map<Integer, Long> queues = ListenQueues.byPort(procNet);
        List<String> addresses = new ArrayList<>();
        long total = 0;
        for (SocketInfo s : sockets) {
            String address = s.path() != null ? s.path() : s.host() + ":" + s.port();
            long reads = s.path() != null ? 0 : queues.getOrDefault(s.port(), 0L);
            addresses.add(address);
            total += reads;
            send(pub, "stat.sockets." + s.fd(), StatsFormat.socket(s.fd(), reads, address));
        }
        send(pub, "stat.sockets", StatsFormat.sockets(addresses, total));
    }

    private void send(ZMQ.Socket pub, String topic, Map<String, Object> payload) {
        pub.sendMore(topic);
        pub.send(WireJson.encode(payload), 0);
        messages.incrementAndGet();
    }

    @Override
    public String getEndpoint() {
        return bound.isDone() && !bound.isCompletedExceptionally() ? bound.join() : endpoint;
    }

    @Override public long getIntervalMillis() { return interval.toMillis(); }
    @Override public long getRounds() { return rounds.get(); }
    @Override public long getPublishedMessages() { return messages.get(); }
    @Override public int getLastRoundProcesses() { return lastRoundProcesses; }
    @Override public long getLastRoundMicros() { return lastRoundMicros; }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            wakeup.close();
            return;
        }
        wakeup.wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
