package org.nianbao.ingest.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Imports every file below a folder (a bulk load of reports already downloaded), one report per file. */
@ApplicationScoped
public class FolderImporter {

    private static final Logger LOG = Logger.getLogger(FolderImporter.class);

    private final IngestService ingest;

    public FolderImporter(IngestService ingest) {
        this.ingest = ingest;
    }

    /** What an import stored, and which files it refused and why. */
    public record ImportSummary(int files, int newReports, int newVersions, int unchanged, List<String> rejected,
                                List<String> reportIds) {
    }

    public ImportSummary importFolder(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + " is not a readable folder");
        }
        List<Path> files = listFiles(root);
        int newReports = 0;
        int newVersions = 0;
        int unchanged = 0;
        List<String> rejected = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String relative = root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/');
            try {
                StoreOutcome outcome = ingest.ingest(Files.readAllBytes(file),
                        SourceDescriptor.folderFile(relative, file.getFileName().toString()));
                ids.add(outcome.reportId());
                switch (outcome.change()) {
                    case NEW_REPORT -> newReports++;
                    case NEW_VERSION -> newVersions++;
                    case UNCHANGED -> unchanged++;
                }
            } catch (RejectedDocumentException | IOException e) {
                rejected.add(relative + ": " + e.getMessage());
            }
            LOG.infof("import %s: %d/%d %s", root, i + 1, files.size(), relative);
        }
        return new ImportSummary(files.size(), newReports, newVersions, unchanged, List.copyOf(rejected), List.copyOf(ids));
    }

    private static List<Path> listFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
