package it.pecgateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The local copy of the providers index (digest section 3), an LDIF file of the RFC 6109 LDAP schema.
 * When absent, the index holds only this provider (built from our own signing certificate and domains).
 *
 * @param ldif           the LDIF file
 * @param reloadInterval how often the file is checked for changes and reloaded without restart
 */
public record ProvidersIndexConfig(Optional<Path> ldif, Duration reloadInterval) {
}
