package io.twinsync.orchestrator.cli;

import picocli.CommandLine;

/** The version from the jar manifest. */
final class TwinsyncVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = TwinsyncVersion.class.getPackage().getImplementationVersion();
        return new String[] {"twinsync " + (version == null ? "(development build)" : version)};
    }
}
