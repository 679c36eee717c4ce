package org.nianbao.validate.rest;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints that change what the system holds at scale (imports, replays, register imports, index rebuilds):
 * only holders of the admin bearer token reach them ({@link AdminTokenFilter}). Owned by search-service; ingest- and
 * validate-service keep byte-identical copies (only the package line differs), guarded by a drift test.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
}
