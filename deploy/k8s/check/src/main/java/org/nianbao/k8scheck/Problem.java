package org.nianbao.k8scheck;

/** One finding: which object (kind/namespace/name, and where it came from), where in it, and why. */
public record Problem(String object, String path, String message) {

    @Override
    public String toString() {
        return object + (path == null || path.isEmpty() ? "" : " at " + path) + ": " + message;
    }
}
