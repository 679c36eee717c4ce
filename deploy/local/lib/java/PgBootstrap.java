import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Creates the project's PostgreSQL login role and databases idempotently over JDBC and proves the
 * role can connect to each, because the zonky server bundle ships no psql (run by deploy/local/lib/pg.sh).
 *
 * <p>Usage: {@code java -cp postgresql.jar PgBootstrap.java HOST PORT SUPERUSER_PW_FILE APP_USER APP_PW_FILE TIMEOUT_SECONDS DB...}
 */
public class PgBootstrap {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9]{16,128}");

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: PgBootstrap HOST PORT SUPERUSER_PW_FILE APP_USER APP_PW_FILE TIMEOUT_SECONDS DB...");
            System.exit(2);
        }
        String base = "jdbc:postgresql://" + args[0] + ":" + args[1] + "/";
        String superPassword = readSecret(args[2]);
        String appUser = identifier(args[3]);
        String appPassword = readSecret(args[4]);
        Instant deadline = Instant.now().plusSeconds(Long.parseLong(args[5]));
        List<String> databases = List.of(args).subList(6, args.length).stream().map(PgBootstrap::identifier).toList();

        try (Connection admin = connect(base + "postgres", "postgres", superPassword, deadline);
             Statement st = admin.createStatement()) {
            if (exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", appUser)) {
                st.execute("ALTER ROLE " + appUser + " WITH LOGIN PASSWORD '" + appPassword + "'");
            } else {
                st.execute("CREATE ROLE " + appUser + " WITH LOGIN PASSWORD '" + appPassword + "'");
            }
            for (String db : databases) {
                if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", db)) {
                    st.execute("CREATE DATABASE " + db + " OWNER " + appUser + " ENCODING 'UTF8'");
                }
            }
        }
        for (String db : databases) {
            try (Connection app = DriverManager.getConnection(base + db, appUser, appPassword);
                 Statement st = app.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_user, current_database()")) {
                rs.next();
                if (!appUser.equals(rs.getString(1)) || !db.equals(rs.getString(2))) {
                    throw new IllegalStateException("connected as " + rs.getString(1) + " to " + rs.getString(2));
                }
            }
        }
        System.out.println("stack: postgresql: role " + appUser + " owns " + String.join(", ", databases));
    }

    private static Connection connect(String url, String user, String password, Instant deadline)
            throws InterruptedException {
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                return DriverManager.getConnection(url, user, password);
            } catch (SQLException e) {
                last = e;
                Thread.sleep(Duration.ofMillis(300));
            }
        }
        System.err.println("PostgreSQL at " + url + " refused connections: " + (last == null ? "timeout" : last.getMessage()));
        System.exit(1);
        return null;
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case SQL identifier: " + name);
        }
        return name;
    }

    private static String readSecret(String file) throws Exception {
        String secret = Files.readString(Path.of(file)).strip();
        if (!PASSWORD.matcher(secret).matches()) {
            throw new IllegalArgumentException("password in " + file + " must be 16-128 letters or digits");
        }
        return secret;
    }
}
