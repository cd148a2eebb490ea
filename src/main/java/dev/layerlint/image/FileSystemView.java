package dev.layerlint.image;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The file system a container starts with: the layers applied bottom first, with whiteouts, as
 * overlayfs presents them. Memory is proportional to the number of paths, not to the bytes.
 */
public final class FileSystemView {

    private static final int MAX_SYMLINK_HOPS = 40;

    /** A file visible in the final file system and the layer that put it there. */
    public record VisibleFile(LayerEntry.File file, int layerIndex) {
        public VisibleFile {
            Objects.requireNonNull(file, "file");
        }
    }

    /** Told about every entry a layer hides or replaces while layers are applied. */
    interface ChangeListener {
        /** {@code hidden}, put there by a lower layer (or earlier in the same one), is deleted or replaced by layer {@code byLayer}. */
        void hidden(VisibleFile hidden, int byLayer);

        /** Layer {@code byLayer} whites out {@code path}, hiding {@code hidden} (the path itself first, if it existed). */
        void whiteout(String path, int byLayer, List<VisibleFile> hidden);
    }

    private static final ChangeListener IGNORE = new ChangeListener() {
        @Override
        public void hidden(VisibleFile hidden, int byLayer) {
        }

        @Override
        public void whiteout(String path, int byLayer, List<VisibleFile> hidden) {
        }
    };

    private final TreeMap<String, VisibleFile> files = new TreeMap<>();

    private FileSystemView() {
    }

    /** Applies {@code layers} in order. */
    public static FileSystemView of(List<Layer> layers) {
        return apply(layers, IGNORE);
    }

    static FileSystemView apply(List<Layer> layers, ChangeListener listener) {
        FileSystemView view = new FileSystemView();
        for (Layer layer : layers) {
            view.applyLayer(layer, listener);
        }
        return view;
    }

    // Whiteouts hide only what the layers beneath put there, so a layer's deletions go first.
    private void applyLayer(Layer layer, ChangeListener listener) {
        int index = layer.index();
        for (LayerEntry entry : layer.entries()) {
            if (entry instanceof LayerEntry.Whiteout whiteout) {
                listener.whiteout(whiteout.path(), index, removeTree(whiteout.path(), true, index, listener));
            } else if (entry instanceof LayerEntry.OpaqueWhiteout opaque) {
                removeTree(opaque.path(), false, index, listener);
            }
        }
        for (LayerEntry entry : layer.entries()) {
            if (entry instanceof LayerEntry.File file) {
                add(file, index, listener);
            }
        }
    }

    private void add(LayerEntry.File file, int index, ChangeListener listener) {
        boolean directory = file.type() == LayerEntry.FileType.DIRECTORY;
        VisibleFile previous = files.put(file.path(), new VisibleFile(file, index));
        if (previous == null) {
            return;
        }
        listener.hidden(previous, index);
        if (!directory && previous.file().type() == LayerEntry.FileType.DIRECTORY) {
            removeTree(file.path(), false, index, listener);
        }
    }

    /** Removes everything below {@code path}, and {@code path} itself when asked; returns what it removed. */
    private List<VisibleFile> removeTree(String path, boolean includingSelf, int byLayer, ChangeListener listener) {
        List<VisibleFile> removed = new ArrayList<>();
        if (includingSelf) {
            VisibleFile self = files.remove(path);
            if (self != null) {
                removed.add(self);
            }
        }
        NavigableMap<String, VisibleFile> below = files.subMap(childPrefix(path), true, childPrefixEnd(path), false);
        removed.addAll(below.values());
        below.clear();
        for (VisibleFile hidden : removed) {
            listener.hidden(hidden, byLayer);
        }
        return removed;
    }

    private static String childPrefix(String path) {
        return path.equals("/") ? "/" : path + "/";
    }

    private static String childPrefixEnd(String path) {
        return path.equals("/") ? "0" : path + "0"; // '0' is the character after '/'
    }

    /** The entry at {@code path} itself (a symbolic link is not followed). */
    public Optional<VisibleFile> get(String path) {
        return Optional.ofNullable(files.get(LayerPaths.normalize(path)));
    }

    /** Whether anything exists at {@code path}, following symbolic links. */
    public boolean exists(String path) {
        return resolve(path).isPresent();
    }

    /**
     * The entry {@code path} leads to, following symbolic links in every component (so
     * {@code /bin/sh} is found when {@code /bin} links to {@code usr/bin}) and hard links; empty
     * when it leads nowhere or loops.
     */
    public Optional<VisibleFile> resolve(String path) {
        String current = LayerPaths.normalize(path);
        for (int hops = 0; hops <= MAX_SYMLINK_HOPS; hops++) {
            if (current.equals("/")) {
                return Optional.ofNullable(files.get("/"));
            }
            String[] parts = current.substring(1).split("/");
            String parent = "/";
            String linkedTo = null;
            for (int i = 0; i < parts.length && linkedTo == null; i++) {
                String here = parent.equals("/") ? "/" + parts[i] : parent + "/" + parts[i];
                VisibleFile found = files.get(here);
                boolean last = i == parts.length - 1;
                if (found == null) {
                    if (last) {
                        return Optional.empty();
                    }
                    // tars may leave parent directories implicit
                } else if (found.file().type() == LayerEntry.FileType.SYMLINK) {
                    String rest = String.join("/", List.of(parts).subList(i + 1, parts.length));
                    String target = LayerPaths.resolveLink(parent, found.file().linkTarget().orElse(""));
                    linkedTo = rest.isEmpty() ? target : target + "/" + rest;
                } else if (last) {
                    if (found.file().type() == LayerEntry.FileType.HARDLINK) {
                        return found.file().linkTarget().map(files::get);
                    }
                    return Optional.of(found);
                }
                parent = here;
            }
            current = LayerPaths.normalize(linkedTo);
        }
        return Optional.empty();
    }

    /** Whether {@code path} leads to a regular file with an execute bit set. */
    public boolean isExecutable(String path) {
        return resolve(path).map(visible -> visible.file().isRegular() && visible.file().isExecutable()).orElse(false);
    }

    /**
     * Where a shell finds {@code command}: a name with a slash is a path; a bare name is looked
     * up in {@code searchPath} (see {@link ImageConfig#searchPath()}) in order. Empty unless it
     * leads to an executable regular file.
     */
    public Optional<String> which(String command, List<String> searchPath) {
        if (command.isEmpty()) {
            return Optional.empty();
        }
        if (command.contains("/")) {
            return isExecutable(command) ? Optional.of(LayerPaths.normalize(command)) : Optional.empty();
        }
        return searchPath.stream()
                .map(directory -> LayerPaths.normalize(directory + "/" + command))
                .filter(this::isExecutable)
                .findFirst();
    }

    /** Everything below directory {@code path}, sorted by path. */
    public List<VisibleFile> under(String path) {
        String normalized = LayerPaths.normalize(path);
        return new ArrayList<>(files.subMap(childPrefix(normalized), true, childPrefixEnd(normalized), false).values());
    }

    /** Every visible entry, sorted by path. */
    public Collection<VisibleFile> files() {
        return Collections.unmodifiableCollection(files.values());
    }

    public int size() {
        return files.size();
    }
}
