package it.pecgateway.config;

import java.nio.file.Path;

/**
 * The whole configuration of one gateway node, read once from YAML and validated in one pass
 * ({@link ConfigLoader}). Immutable; passed by constructor to whoever needs a part of it.
 *
 * @param dataDir    where the embedded store, the spool and the development PKI live
 * @param smtp       limits of the SMTP listeners
 * @param imapPop3   limits of the IMAP and POP3 listeners
 * @param operations mailbox life cycle, password policy, recovery, administration API and panel (issue 7)
 */
public record GatewayConfig(
        ProviderConfig provider,
        Path dataDir,
        ListenersConfig listeners,
        StorageConfig storage,
        LimitsConfig limits,
        KeyMaterialConfig keys,
        ProvidersIndexConfig providersIndex,
        TimersConfig timers,
        RelayConfig relay,
        AntivirusConfig antivirus,
        SmtpConfig smtp,
        ImapPop3Config imapPop3,
        OperationsConfig operations) {
}
