/**
 * How the embedded Tomcat treats the sample's URLs: percent-encoded keys pass through intact,
 * and what Tomcat itself refuses is answered as an RFC 9457 problem detail.
 */
@NullMarked
package dev.dynamodown.sample.web;

import org.jspecify.annotations.NullMarked;
