package io.circus.config;

/**
 * Where {@code reloadconfig} reads the configuration again: the daemon's config file, or a
 * configuration held in code.
 */
@FunctionalInterface
public interface ConfigSource {

    /** @throws ConfigException naming file, section, key and value when the source is not usable */
    CircusConfig load() throws ConfigException;
}
