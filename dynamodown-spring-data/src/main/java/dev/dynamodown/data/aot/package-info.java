/**
 * Spring AOT support of dynamodown repositories: runtime hints for native images.
 */
@NullMarked
package dev.dynamodown.data.aot;

import org.jspecify.annotations.NullMarked;
