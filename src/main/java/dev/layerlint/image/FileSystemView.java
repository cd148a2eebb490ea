package dev.layerlint.image;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * A name visible in the final file system and the layer that put it there.
     *
     * @param linked for a hard link, the entry stored under the name it linked to when its layer was
     *               applied (which holds the data, even after that name is deleted or replaced); empty
     *               for every other entry, and for a hard link whose target did not exist
     */
    public record VisibleFile(LayerEntry.File file, int layerIndex, Optional<VisibleFile> linked) {
        public VisibleFile {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(linked, "linked");
        }

        public VisibleFile(LayerEntry.File file, int layerIndex) {
            this(file, layerIndex, Optional.empty());
        }

        /** The entry holding this name's data: what a hard link links to, else the entry itself. */
        public VisibleFile data() {
            return linked.orElse(this);
        }
    }

    /** Told about every entry that stops being reachable while layers are applied. */
    interface ChangeListener {
        /**
         * {@code data}, stored by a lower layer (or earlier in the same one), is reachable through no
         * name any more since layer {@code byLayer} deleted or replaced {@code lastName}, the last name
         * that led to it (its own path, or a hard link to it).
         */
        void unreachable(VisibleFile data, String lastName, int byLayer);

        /**
         * Layer {@code byLayer} whites out {@code path}, which was a directory when {@code directory};
         * {@code unreachable} is the data that left the file system with it.
         */
        void whiteout(String path, boolean directory, int byLayer, List<VisibleFile> unreachable);
    }

    private static final ChangeListener IGNORE = new ChangeListener() {
        @Override
        public void unreachable(VisibleFile data, String lastName, int byLayer) {
        }

        @Override
        public void whiteout(String path, boolean directory, int byLayer, List<VisibleFile> unreachable) {
        }
    };

    private final TreeMap<String, VisibleFile> files = new TreeMap<>();
    /** How many more visible names than one lead to an entry holding data: hard links to it that are still there. */
    private final Map<VisibleFile, Integer> extraNames = new IdentityHashMap<>();

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
                VisibleFile self = files.get(whiteout.path());
                boolean directory = self != null && self.file().type() == LayerEntry.FileType.DIRECTORY;
                listener.whiteout(whiteout.path(), directory, index, removeTree(whiteout.path(), true, index, listener));
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

    /**
     * Adds an entry; a hard link shares the data of the entry its target names at this point, as
     * applying the layer's tar links the new name to that file (overlayfs copies a lower layer's file
     * up first, keeping its data).
     */
    private void add(LayerEntry.File file, int index, ChangeListener listener) {
        Optional<VisibleFile> linked = Optional.empty();
        if (file.type() == LayerEntry.FileType.HARDLINK) {
            linked = file.linkTarget().map(files::get).map(VisibleFile::data);
        }
        linked.ifPresent(data -> extraNames.merge(data, 1, Integer::sum));
        VisibleFile added = new VisibleFile(file, index, linked);
        VisibleFile previous = files.put(file.path(), added);
        if (previous == null) {
            return;
        }
        release(previous, index, listener);
        if (file.type() != LayerEntry.FileType.DIRECTORY && previous.file().type() == LayerEntry.FileType.DIRECTORY) {
            removeTree(file.path(), false, index, listener);
        }
    }

    /** Forgets a name that left the file system; returns its data when no name leads there any more. */
    private Optional<VisibleFile> release(VisibleFile name, int byLayer, ChangeListener listener) {
        VisibleFile data = name.data();
        Integer extra = extraNames.isEmpty() ? null : extraNames.get(data);
        if (extra != null) {
            if (extra == 1) {
                extraNames.remove(data);
            } else {
                extraNames.put(data, extra - 1);
            }
            return Optional.empty(); // another name still leads there
        }
        listener.unreachable(data, name.file().path(), byLayer);
        return Optional.of(data);
    }

    /** Removes everything below {@code path}, and {@code path} itself when asked; returns the data that became unreachable. */
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
        List<VisibleFile> unreachable = new ArrayList<>();
        for (VisibleFile name : removed) {
            release(name, byLayer, listener).ifPresent(unreachable::add);
        }
        return unreachable;
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
     * {@code /bin/sh} is found when {@code /bin} links to {@code usr/bin}) and hard links (giving the
     * entry that holds the data, see {@link VisibleFile#data()}); empty when it leads nowhere or loops.
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
                } else if (found.data().file().type() == LayerEntry.FileType.SYMLINK) {
                    String rest = String.join("/", List.of(parts).subList(i + 1, parts.length));
                    String target = LayerPaths.resolveLink(parent, found.data().file().linkTarget().orElse(""));
                    linkedTo = rest.isEmpty() ? target : target + "/" + rest;
                } else if (last) {
                    // a hard link is the file it links to, whatever became of that file's first name
                    return found.data().file().type() == LayerEntry.FileType.HARDLINK ? Optional.empty() : Optional.of(found.data());
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
