package dev.acr.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version comes from one place, the pom, through a filtered resource. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/acr/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {"acr " + p.getProperty("version", "unknown")};
  }
}
