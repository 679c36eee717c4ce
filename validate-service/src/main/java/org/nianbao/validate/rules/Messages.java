package org.nianbao.validate.rules;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** User-facing Chinese texts by key from a resource bundle, so wording changes never touch rule logic. */
public final class Messages {

    public static final String BUNDLE = "org.nianbao.validate.rules.messages";
    private static final Messages DEFAULT = new Messages(ResourceBundle.getBundle(BUNDLE, Locale.ROOT));

    private final ResourceBundle bundle;

    private Messages(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    public static Messages defaults() {
        return DEFAULT;
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The message for {@code key}; arguments are inserted as strings (format numbers with {@link Num} first). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("no message for key " + key, e);
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = args[i] == null ? "" : String.valueOf(args[i]);
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(strings);
    }
}
