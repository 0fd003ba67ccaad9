package org.govflow.directory.internal;

import java.util.List;
import org.govflow.directory.Body;
import org.govflow.directory.Membership;
import org.govflow.directory.Person;

/**
 * The organisation read from the file, checked and typed.
 *
 * @param passwordHashes person id to encoded password, for those that have one in the file
 */
record Organization(
    List<Body> bodies,
    List<Person> people,
    List<Membership> memberships,
    java.util.Map<String, String> passwordHashes) {}
