package org.govflow.webhooks.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether a URL may receive deliveries: http or https, a host that resolves, and unless the
 * operator allows it, no loopback, private, link-local, multicast or unspecified address (checked
 * again at each delivery, so that a name cannot later point inside).
 */
final class TargetCheck {

  private TargetCheck() {}

  /** The message code of what is wrong, or empty when the URL may be used. */
  static Optional<String> problem(String url, boolean allowPrivate) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.strip());
    } catch (IllegalArgumentException e) {
      return Optional.of("webhooks.url.invalid");
    }
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
        || uri.getHost() == null) {
      return Optional.of("webhooks.url.invalid");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(uri.getHost());
    } catch (UnknownHostException e) {
      return Optional.of("webhooks.url.unknownHost");
    }
    if (!allowPrivate) {
      for (InetAddress a : addresses) {
        if (a.isLoopbackAddress()
            || a.isSiteLocalAddress()
            || a.isLinkLocalAddress()
            || a.isAnyLocalAddress()
            || a.isMulticastAddress()
            || uniqueLocal(a)) {
          return Optional.of("webhooks.url.private");
        }
      }
    }
    return Optional.empty();
  }

  /** IPv6 unique local addresses (fc00::/7), which Java does not count as site-local. */
  private static boolean uniqueLocal(InetAddress a) {
    byte[] b = a.getAddress();
    return b.length == 16 && (b[0] & 0xfe) == 0xfc;
  }
}
