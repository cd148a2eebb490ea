package dev.layerlint.fix;

import java.util.Map;

/** Why a rule's findings are left to a human: what the fix would have to decide that the Dockerfile does not say. */
final class Unfixed {

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("AddForDownload", "a download needs a checksum and a tool chosen for it (curl or wget in a RUN, or ADD --checksum)"),
            Map.entry("AptNoInstallRecommends", "--no-install-recommends changes which packages are installed; check what the image needs"),
            Map.entry("ArchiveCopiedThenExtracted", "where the archive's content goes, and whether ADD should unpack it, is a choice"),
            Map.entry("BaseImageFloatingTag", "pinning a base image chooses a version"),
            Map.entry("BaseImageUnpinned", "pinning a base image chooses a version"),
            Map.entry("BuildToolchainInImage", "moving the build into a stage of its own needs to know what the build produces"),
            Map.entry("ChownAfterCopy", "chown -R also changes the directory and what was in it before the COPY, which COPY --chown "
                    + "does not, and needs the user to exist when the files are copied; change it by hand"),
            Map.entry("CopyFromUnknownStage", "the stage or image meant is not known"),
            Map.entry("DependenciesAfterSource", "moving the install needs to know which files it reads"),
            Map.entry("DevDependenciesInImage", "which dependencies production needs is a choice"),
            Map.entry("FatJarLayer", "splitting the jar into layers needs the build's help (Spring Boot layertools, Jib)"),
            Map.entry("FullBaseImage", "a slimmer base image may lack what the application needs"),
            Map.entry("MissingHealthcheck", "a health check needs the service's own endpoint"),
            Map.entry("PythonBytecodeKept", "whether bytecode is compiled at build time changes how the application starts"),
            Map.entry("RunsAsRoot", "which user to run as, and which files it must own, is a choice"),
            Map.entry("SecretInEnvOrArg", "a secret needs a place to come from (a build secret, the runtime environment)"),
            Map.entry("TempFilesKept", "which temporary files may go is a choice"),
            Map.entry("UntrustedBaseImage", "choosing another base image is a decision"),
            Map.entry("UnusedStage", "whether a stage is still needed (by another build, by --target) is not known"),
            Map.entry("UseraddLargeUid", "choosing a smaller id or --no-log-init is left to the image's owner"),
            Map.entry("WholeFilesystemCopied", "which files the stage needs is not known"));

    private Unfixed() {
    }

    /** Why findings of {@code ruleId} are left; {@code fixable} when a fix exists that was not chosen. */
    static String reason(String ruleId, boolean fixable) {
        if (fixable) {
            return ruleId + " is not among the chosen fixes; add it to <fixes> (-Dlayerlint.fixes) to fix it";
        }
        return "no automatic fix: " + REASONS.getOrDefault(ruleId, "it needs a human");
    }
}
