package cn.shebao.counter.workstation.central.service;

import cn.shebao.counter.workstation.central.AuditHeads;
import cn.shebao.counter.workstation.central.CentralAuditSearch;
import cn.shebao.counter.workstation.central.CentralSchema;
import cn.shebao.counter.workstation.central.CommandApplier;
import cn.shebao.counter.workstation.central.JdbcChangeSource;
import cn.shebao.counter.workstation.central.JdbcSnapshotSource;
import cn.shebao.counter.workstation.central.PersonRecords;
import cn.shebao.counter.workstation.command.CommandHandler;
import cn.shebao.counter.workstation.pki.CertificateAuthority;
import cn.shebao.counter.workstation.pki.KeyStores;
import cn.shebao.counter.workstation.store.PersistenceUnit;
import cn.shebao.counter.workstation.store.SqlFlavour;
import cn.shebao.counter.workstation.store.TimeOrderedIds;
import cn.shebao.counter.workstation.wire.CentrePolicy;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central service: the only holder of the central database's credentials, serving workstations over
 * HTTPS with mutual TLS. Stateless: every request stands alone (the database holds all state, and the applier
 * serialises each node's commands on its row lock), so several instances can serve one database side by side.
 */
public final class CentralService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CentralService.class);

    private final Server server;
    private final SessionFactory sessions;
    private final ServerConnector connector;
    private final MachineRegistry machines;

    private CentralService(Server server, ServerConnector connector, SessionFactory sessions, MachineRegistry machines) {
        this.server = server;
        this.connector = connector;
        this.sessions = sessions;
        this.machines = machines;
    }

    /**
     * Starts serving.
     *
     * @param database the central database, already migrated (the migration role owns the schema, not this one)
     * @param handlers the central handler of each command type, given central's clock
     */
    public static CentralService start(String host, int port, DataSource database, KeyStore serviceKeys, char[] serviceKeysPassword,
            CertificateAuthority ca, Function<Clock, Map<String, CommandHandler>> handlers, Clock clock) throws Exception {
        return start(host, port, database, serviceKeys, serviceKeysPassword, ca, handlers, clock, CentrePolicy.DEFAULT);
    }

    /** @param policy the centre's rules for the windows, answered at {@code /policy} */
    public static CentralService start(String host, int port, DataSource database, KeyStore serviceKeys, char[] serviceKeysPassword,
            CertificateAuthority ca, Function<Clock, Map<String, CommandHandler>> handlers, Clock clock, CentrePolicy policy)
            throws Exception {
        SqlFlavour flavour = SqlFlavour.of(database);
        SessionFactory sessions = CentralSchema.unit(PersistenceUnit.SchemaCheck.VALIDATE).create(database);
        try {
            CommandApplier applier = new CommandApplier(sessions, handlers.apply(clock), clock, TimeOrderedIds.system());
            MachineRegistry machines = new MachineRegistry(database, ca, clock, applier::register);
            CentralApi api = new CentralApi(applier, new JdbcChangeSource(database, flavour), new JdbcSnapshotSource(database, flavour),
                    new PersonRecords(sessions, flavour, clock, TimeOrderedIds.system()), new CentralAuditSearch(sessions, database), machines, new AuditHeads(database, ca, clock), ca, clock, () -> reachable(database), new AccessLog(), policy);

            QueuedThreadPool threads = new QueuedThreadPool(64, 4);
            threads.setName("central-service");
            Server server = new Server(threads);
            SslContextFactory.Server tls = new SslContextFactory.Server();
            tls.setKeyStore(serviceKeys);
            tls.setKeyStorePassword(new String(serviceKeysPassword));
            tls.setTrustStore(KeyStores.trusting(ca.certificate()));
            // "Want", not "need": a machine being enrolled has no certificate yet. Every other endpoint refuses a
            // request without one, and a certificate the CA did not sign fails the handshake itself.
            tls.setWantClientAuth(true);
            tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
            HttpConfiguration https = new HttpConfiguration();
            https.setSendServerVersion(false);
            // The workstation checks the host name against the certificate; Jetty's SNI check would refuse clients
            // that connect by IP address (no SNI is sent for those).
            https.addCustomizer(new SecureRequestCustomizer(false));
            ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, "http/1.1"), new HttpConnectionFactory(https));
            connector.setHost(host);
            connector.setPort(port);
            connector.setIdleTimeout(60_000);
            server.addConnector(connector);
            server.setHandler(api);
            server.setStopTimeout(5_000);
            server.start();
            LOG.info("Central service listening on {}:{}", host, connector.getLocalPort());
            return new CentralService(server, connector, sessions, machines);
        } catch (Exception e) {
            sessions.close();
            throw e;
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    public MachineRegistry machines() {
        return machines;
    }

    private static boolean reachable(DataSource database) {
        try (Connection c = database.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            sessions.close();
        }
    }
}
