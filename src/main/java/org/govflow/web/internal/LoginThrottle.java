package org.govflow.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How many logins an account and a client address may still fail: one token bucket (bucket4j) per
 * account name as typed and one per address, each with the configured limits ({@link
 * SecuritySettings.LoginThrottle}). Every failed attempt takes a token from both; a successful one
 * forgets the account's failures. While either bucket is empty every attempt is refused before its
 * credentials are checked, the right password included, until the bucket refills.
 *
 * <p>An account name that matches nobody is counted exactly like one that does: the answers never
 * tell whether an account exists. The buckets live in this node's memory (a bounded cache): behind
 * a load balancer with n nodes an attacker gets at most n times the limits.
 */
@Component
class LoginThrottle {

  private static final int MAX_NAME = 200;

  private final SecuritySettings.LoginThrottle settings;
  private final Cache<String, Bucket> buckets;

  LoginThrottle(SecuritySettings settings) {
    this.settings = settings.loginThrottle();
    Duration longest =
        concat(this.settings.account(), this.settings.address()).stream()
            .map(SecuritySettings.Limit::period)
            .max(Comparator.naturalOrder())
            .orElse(Duration.ofHours(1));
    this.buckets =
        Caffeine.newBuilder()
            .maximumSize(this.settings.maxTracked())
            .expireAfterAccess(longest)
            .build();
  }

  /**
   * How long an attempt to log in must wait before its credentials may be checked; zero when it may
   * go ahead now.
   *
   * @param account the account name as typed, or null when the credentials name none (a token)
   * @param address the client's address
   */
  Duration waitBeforeNext(String account, String address) {
    if (!settings.enabled()) {
      return Duration.ZERO;
    }
    long wait = 0;
    for (Bucket bucket : buckets(account, address)) {
      wait = Math.max(wait, bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }
    return Duration.ofNanos(wait);
  }

  /**
   * Counts a failed attempt against the account and the address. Failures made in parallel past the
   * allowance are all counted (the bucket goes into debt), which makes the wait longer.
   */
  void failed(String account, String address) {
    if (settings.enabled()) {
      buckets(account, address).forEach(bucket -> bucket.consumeIgnoringRateLimits(1));
    }
  }

  /** The account logged in: its past failures are forgotten (the address's are not). */
  void succeeded(String account) {
    if (settings.enabled() && account != null) {
      buckets.invalidate(accountKey(account));
    }
  }

  private List<Bucket> buckets(String account, String address) {
    List<Bucket> result = new ArrayList<>(2);
    if (account != null) {
      result.add(buckets.get(accountKey(account), key -> bucket(settings.account())));
    }
    result.add(buckets.get(addressKey(address), key -> bucket(settings.address())));
    return result;
  }

  private static String accountKey(String account) {
    String name = account.strip().toLowerCase(Locale.ROOT);
    return "account:" + (name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name);
  }

  private static String addressKey(String address) {
    return "address:" + (address == null ? "" : address);
  }

  private static Bucket bucket(List<SecuritySettings.Limit> limits) {
    LocalBucketBuilder builder = Bucket.builder();
    // a whole period's failures come back at once at its end: waiting out the period is the only
    // way on, a trickle of tokens would let a patient attacker through
    limits.forEach(
        limit ->
            builder.addLimit(
                l ->
                    l.capacity(limit.failures())
                        .refillIntervally(limit.failures(), limit.period())));
    return builder.build();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
