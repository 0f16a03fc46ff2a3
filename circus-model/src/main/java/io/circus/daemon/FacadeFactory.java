package io.circus.daemon;

/**
 * Starts one facade beside an arbiter: the small SPI through which circus-jmx
 * ({@code CircusManagement.facade()}), circus-zmq ({@code ZmqFacade.facade()}) and circus-console
 * (the web console) plug into an {@link EmbeddedDaemon} without circus-model knowing them.
 *
 * <p>Threading: called once, on the thread that calls {@link EmbeddedDaemon.Builder#build()}, after
 * every factory added before it has started and before any watcher starts.
 *
 * @param <F> the facade it starts, so that a caller composing factories keeps its type
 */
@FunctionalInterface
public interface FacadeFactory<F extends Facade> {

    /**
     * Binds and starts the facade.
     *
     * @throws RuntimeException when it cannot start; a message naming the {@code [circus]} key at
     *                          fault ({@code "[circus] endpoint = ...: address in use"}) lets circusd
     *                          add the file to it. The daemon then closes what already started.
     */
    F start(DaemonContext context);
}
