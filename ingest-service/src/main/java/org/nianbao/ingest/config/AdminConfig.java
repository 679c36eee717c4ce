package org.nianbao.ingest.config;

import io.smallrye.config.ConfigMapping;

import java.util.Optional;

/** The bearer token that protects admin endpoints; it comes from a Secret, never from the repository. */
@ConfigMapping(prefix = "nianbao.admin")
public interface AdminConfig {

    /** When absent, admin endpoints refuse every call. */
    Optional<String> token();
}
