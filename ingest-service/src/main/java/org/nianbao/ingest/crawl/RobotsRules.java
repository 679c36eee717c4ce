package org.nianbao.ingest.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Disallow/Allow lines of a robots.txt that apply to our crawler, so it stays out of what a site asks it to. */
public final class RobotsRules {

    private final List<String> disallowed;
    private final List<String> allowed;

    private RobotsRules(List<String> disallowed, List<String> allowed) {
        this.disallowed = disallowed;
        this.allowed = allowed;
    }

    public static RobotsRules allowAll() {
        return new RobotsRules(List.of(), List.of());
    }

    /** Reads the groups for "*" and for any agent whose token our user agent contains. */
    public static RobotsRules parse(String robotsTxt, String userAgent) {
        String agent = userAgent.toLowerCase(Locale.ROOT);
        List<String> disallowed = new ArrayList<>();
        List<String> allowed = new ArrayList<>();
        boolean applies = false;
        boolean lastWasAgent = false;
        for (String rawLine : robotsTxt.split("\\R")) {
            String line = rawLine.replaceFirst("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String field = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (field.equals("user-agent")) {
                String token = value.toLowerCase(Locale.ROOT);
                boolean matches = token.equals("*") || (!token.isEmpty() && agent.contains(token));
                applies = lastWasAgent ? applies || matches : matches;
                lastWasAgent = true;
                continue;
            }
            lastWasAgent = false;
            if (applies && field.equals("disallow") && !value.isEmpty()) {
                disallowed.add(value);
            } else if (applies && field.equals("allow") && !value.isEmpty()) {
                allowed.add(value);
            }
        }
        return new RobotsRules(List.copyOf(disallowed), List.copyOf(allowed));
    }

    /** Longest matching rule wins, Allow on a tie, as in RFC 9309. */
    public boolean permits(String path) {
        String p = path == null || path.isEmpty() ? "/" : path;
        int longestDisallow = longestPrefix(disallowed, p);
        int longestAllow = longestPrefix(allowed, p);
        return longestDisallow < 0 || longestAllow >= longestDisallow;
    }

    private static int longestPrefix(List<String> rules, String path) {
        int best = -1;
        for (String rule : rules) {
            if (path.startsWith(rule) && rule.length() > best) {
                best = rule.length();
            }
        }
        return best;
    }
}
