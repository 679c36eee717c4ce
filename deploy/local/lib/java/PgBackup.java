import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Online physical base backup of the local PostgreSQL with the documented low-level API, and table counts, over JDBC
 * (the zonky bundle ships no psql/pg_basebackup). Run by deploy/local/lib/backup.sh.
 *
 * <pre>
 * PgBackup backup HOST PORT SUPERUSER_PW_FILE PGDATA OUT_DIR LABEL   base backup of PGDATA into OUT_DIR (+ WAL)
 * PgBackup counts HOST PORT SUPERUSER_PW_FILE DB...                  "db&lt;TAB&gt;schema.table&lt;TAB&gt;rows&lt;TAB&gt;md5" lines
 * </pre>
 *
 * <p>backup, in ONE session (the low-level API ties the backup to the session that started it):
 * <ol>
 * <li>a temporary physical replication slot reserves WAL from now on, so no checkpoint during the copy can recycle a
 *     segment the backup needs (what pg_basebackup does); it is dropped when the session ends;</li>
 * <li>{@code pg_backup_start(label, fast => true)} (immediate checkpoint);</li>
 * <li>copies PGDATA, leaving out what the documentation says to leave out (pg_wal/, pg_replslot/, pg_dynshmem/,
 *     pg_notify/, pg_serial/, pg_snapshots/, pg_stat_tmp/, pg_subtrans/ contents; postmaster.pid/.opts,
 *     pg_internal.init, pgsql_tmp*); files that vanish meanwhile are skipped (WAL replay recreates or drops them);
 *     global/pg_control is copied last;</li>
 * <li>{@code pg_backup_stop(wait_for_archive => false)} → backup_label (+ tablespace_map) written into the copy;</li>
 * <li>copies the WAL segments from the backup's START WAL file up to the stop LSN's file (and timeline history files)
 *     into the copy's pg_wal/, so the backup is self-contained: starting PostgreSQL on it replays them (recovery from
 *     backup_label) and refuses to open if the WAL ends before the backup's end point.</li>
 * </ol>
 * Prints key=value lines (server_version, start_lsn, stop_lsn, timeline, wal_files, files, bytes).
 */
public class PgBackup {

    private static final Set<String> CONTENTS_EXCLUDED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> FILES_EXCLUDED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "backup_label.old", "tablespace_map", "tablespace_map.old", "recovery.signal", "standby.signal",
            "current_logfiles", "postgresql.auto.conf.tmp");
    private static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");
    private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");

    private long files;
    private long bytes;
    private long vanished;

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            usage();
        }
        String url = "jdbc:postgresql://" + args[1] + ":" + args[2] + "/";
        String password = Files.readString(Path.of(args[3])).strip();
        switch (args[0]) {
            case "backup" -> {
                if (args.length != 7) {
                    usage();
                }
                new PgBackup().backup(url, password, Path.of(args[4]), Path.of(args[5]), args[6]);
            }
            case "counts" -> counts(url, password, List.of(args).subList(4, args.length));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: PgBackup backup HOST PORT SUPERUSER_PW_FILE PGDATA OUT_DIR LABEL\n"
                + "       PgBackup counts HOST PORT SUPERUSER_PW_FILE DB...");
        System.exit(2);
    }

    private void backup(String url, String password, Path pgData, Path out, String label) throws Exception {
        if (Files.exists(out)) {
            throw new IllegalStateException(out + " exists already");
        }
        try (Connection c = DriverManager.getConnection(url + "postgres", "postgres", password);
             Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            String version = one(st, "SHOW server_version");
            String dataDirectory = one(st, "SHOW data_directory");
            if (!Files.isSameFile(Path.of(dataDirectory), pgData)) {
                throw new IllegalStateException("server's data_directory " + dataDirectory + " is not " + pgData);
            }
            try (DirectoryStream<Path> spc = Files.newDirectoryStream(pgData.resolve("pg_tblspc"))) {
                if (spc.iterator().hasNext()) {
                    throw new IllegalStateException("tablespaces outside PGDATA are not supported by this local backup");
                }
            }
            st.execute("SELECT pg_create_physical_replication_slot('nianbao_backup_' || pg_backend_pid(), true, true)");
            String startLsn;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_backup_start(?, fast => true)")) {
                ps.setString(1, label);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    startLsn = rs.getString(1);
                }
            }

            Files.createDirectories(out);
            copyTree(pgData, out);
            copyFile(pgData.resolve("global/pg_control"), out.resolve("global/pg_control"));

            String stopLsn;
            String labelFile;
            String spcMap;
            try (ResultSet rs = st.executeQuery("SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => false)")) {
                rs.next();
                stopLsn = rs.getString(1);
                labelFile = rs.getString(2);
                spcMap = rs.getString(3);
            }
            write(out.resolve("backup_label"), labelFile);
            if (spcMap != null && !spcMap.isEmpty()) {
                write(out.resolve("tablespace_map"), spcMap);
            }
            Matcher m = START_WAL.matcher(labelFile);
            if (!m.find()) {
                throw new IllegalStateException("no START WAL LOCATION in backup_label:\n" + labelFile);
            }
            String firstWal = m.group(1);
            String lastWal = one(st, "SELECT pg_walfile_name('" + stopLsn.replaceAll("[^0-9A-Fa-f/]", "") + "'::pg_lsn)");
            List<String> wal = copyWal(pgData.resolve("pg_wal"), out.resolve("pg_wal"), firstWal, lastWal);
            if (wal.isEmpty() || !wal.contains(firstWal) || !wal.contains(lastWal)) {
                throw new IllegalStateException("WAL " + firstWal + " … " + lastWal + " not all found in pg_wal: " + wal);
            }
            System.out.println("server_version=" + version);
            System.out.println("start_lsn=" + startLsn);
            System.out.println("stop_lsn=" + stopLsn);
            System.out.println("timeline=" + Integer.parseInt(firstWal.substring(0, 8), 16));
            System.out.println("wal_files=" + String.join(",", wal));
            System.out.println("files=" + files);
            System.out.println("bytes=" + bytes);
            System.out.println("vanished_during_copy=" + vanished);
        }
    }

    private void copyTree(Path src, Path dst) throws IOException {
        Files.walkFileTree(src, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path rel = src.relativize(dir);
                Path target = dst.resolve(rel.toString());
                Files.createDirectories(target);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                if (rel.getNameCount() == 1 && CONTENTS_EXCLUDED.contains(rel.toString())) {
                    if (rel.toString().equals("pg_wal")) {
                        for (String sub : List.of("archive_status", "summaries")) {
                            Files.createDirectories(target.resolve(sub));
                            Files.setPosixFilePermissions(target.resolve(sub), PosixFilePermissions.fromString("rwx------"));
                        }
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (dir.getFileName() != null && dir.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path rel = src.relativize(file);
                String name = file.getFileName().toString();
                if ((rel.getNameCount() == 1 && FILES_EXCLUDED.contains(name)) || name.equals("pg_internal.init")
                        || name.startsWith("pgsql_tmp") || rel.toString().equals("global/pg_control")) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isRegularFile()) {
                    copyFile(file, dst.resolve(rel.toString()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    vanished++;
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private void copyFile(Path from, Path to) throws IOException {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            vanished++; // dropped or rewritten while we copied: WAL replay brings it to its end state
            return;
        }
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
        files++;
        bytes += Files.size(to);
    }

    /** Segments of the backup's timeline from first to last (inclusive), plus every timeline history file. */
    private List<String> copyWal(Path pgWal, Path outWal, String first, String last) throws IOException {
        List<String> copied = new ArrayList<>();
        String timeline = first.substring(0, 8);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(pgWal)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                boolean segment = WAL_SEGMENT.matcher(name).matches() && name.startsWith(timeline)
                        && name.compareTo(first) >= 0 && name.compareTo(last) <= 0;
                if (segment || name.endsWith(".history")) {
                    copyFile(p, outWal.resolve(name));
                    if (segment) {
                        copied.add(name);
                    }
                }
            }
        }
        copied.sort(null);
        return copied;
    }

    /**
     * Row count and an md5 of the sorted row texts of every table in every user schema of each database, each
     * database read in one REPEATABLE READ snapshot.
     */
    private static void counts(String url, String password, List<String> databases) throws SQLException {
        for (String db : databases) {
            try (Connection c = DriverManager.getConnection(url + db, "postgres", password)) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
                TreeMap<String, String> tables = new TreeMap<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT n.nspname, c.relname, format('%I.%I', n.nspname, c.relname)
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE c.relkind IN ('r', 'p')
                           AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                           AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'""");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                    }
                }
                try (Statement st = c.createStatement()) {
                    for (var t : tables.entrySet()) {
                        try (ResultSet rs = st.executeQuery("SELECT count(*), coalesce(md5(string_agg(h, '' ORDER BY h)), '-') "
                                + "FROM (SELECT md5(t::text) AS h FROM " + t.getValue() + " t) x")) {
                            rs.next();
                            System.out.println(db + "\t" + t.getKey() + "\t" + rs.getLong(1) + "\t" + rs.getString(2));
                        }
                    }
                }
                c.rollback();
            }
        }
    }

    private static String one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
