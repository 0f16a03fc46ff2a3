package io.circus.console.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One contender's result in an optional scenario: named values in print order, or the failure that ended it. */
final class Extra {

    final String scenario;
    final String contender;
    final Map<String, String> values = new LinkedHashMap<>();
    String failure;

    Extra(String scenario, String contender) {
        this.scenario = scenario;
        this.contender = contender;
    }

    Extra put(String key, String value) {
        values.put(key, value);
        return this;
    }

    Extra put(String key, String format, Object... args) {
        return put(key, String.format(java.util.Locale.ROOT, format, args));
    }
}
