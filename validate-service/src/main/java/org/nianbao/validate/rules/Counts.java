package org.nianbao.validate.rules;

import java.util.List;

/** Finding counts per severity, which the event and dashboards show without reading every finding. */
public record Counts(int error, int warning, int info) {

    public static Counts of(List<Finding> findings) {
        int e = 0;
        int w = 0;
        int i = 0;
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> e++;
                case WARNING -> w++;
                case INFO -> i++;
            }
        }
        return new Counts(e, w, i);
    }
}
