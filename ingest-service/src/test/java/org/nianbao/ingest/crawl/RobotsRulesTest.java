package org.nianbao.ingest.crawl;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RobotsRulesTest {

    private static final String UA = "nianbao-crawler/0.1";

    @Test
    void disallowForAllAgentsApplies() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /private/\n", UA);
        assertFalse(rules.permits("/private/a.html"));
        assertTrue(rules.permits("/xxgk/ndbg/"));
    }

    @Test
    void longerAllowWinsOverDisallow() {
        RobotsRules rules = RobotsRules.parse("User-agent: *\nDisallow: /\nAllow: /xxgk/\n", UA);
        assertTrue(rules.permits("/xxgk/2023.html"));
        assertFalse(rules.permits("/other"));
    }

    @Test
    void groupForAnotherAgentIsIgnored() {
        RobotsRules rules = RobotsRules.parse("User-agent: Baiduspider\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp\n", UA);
        assertTrue(rules.permits("/index.html"));
        assertFalse(rules.permits("/tmp/x"));
    }

    @Test
    void groupNamingUsApplies() {
        RobotsRules rules = RobotsRules.parse("User-agent: nianbao-crawler\nDisallow: /\n", UA);
        assertFalse(rules.permits("/anything"));
    }
}
