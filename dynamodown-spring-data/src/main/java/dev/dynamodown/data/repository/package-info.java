/**
 * Repository support: the base class of every dynamodown repository, the factory that creates
 * repositories and the derived queries they run.
 */
@NullMarked
package dev.dynamodown.data.repository;

import org.jspecify.annotations.NullMarked;
