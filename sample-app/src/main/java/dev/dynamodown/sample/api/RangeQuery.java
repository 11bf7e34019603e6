package dev.dynamodown.sample.api;

import dev.dynamodown.KeyRange;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of a range listing, {@code GET /api/{ns}?gt=&gte=&lt=&lte=&prefix=&reverse=&limit=}.
 * {@code gt}/{@code lt} exclude the bound, {@code gte}/{@code lte} include it, and at most
 * one of each pair may be given. {@code limit} is the page size, 1 to {@value #MAX_LIMIT},
 * {@value #DEFAULT_LIMIT} when absent. Invalid values are {@link IllegalArgumentException}s.
 *
 * @param gt keys after this one
 * @param gte keys from this one
 * @param lt keys before this one
 * @param lte keys up to this one
 * @param prefix keys starting with this
 * @param reverse whether to list in descending key order
 * @param limit the page size
 */
record RangeQuery(@Nullable String gt, @Nullable String gte, @Nullable String lt, @Nullable String lte,
		@Nullable String prefix, @Nullable Boolean reverse, @Nullable Integer limit) {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 100;

	/**
	 * The range, without its limit.
	 * @return the key range these parameters select
	 */
	KeyRange toKeyRange() {
		if (this.gt != null && this.gte != null) {
			throw new IllegalArgumentException("Give 'gt' or 'gte', not both");
		}
		if (this.lt != null && this.lte != null) {
			throw new IllegalArgumentException("Give 'lt' or 'lte', not both");
		}
		KeyRange range = (this.prefix != null) ? KeyRange.prefix(this.prefix) : KeyRange.all();
		range = (this.gt != null) ? range.gt(this.gt) : range;
		range = (this.gte != null) ? range.gte(this.gte) : range;
		range = (this.lt != null) ? range.lt(this.lt) : range;
		range = (this.lte != null) ? range.lte(this.lte) : range;
		return Boolean.TRUE.equals(this.reverse) ? range.reverse() : range;
	}

	int pageSize() {
		if (this.limit == null) {
			return DEFAULT_LIMIT;
		}
		if (this.limit < 1 || this.limit > MAX_LIMIT) {
			throw new IllegalArgumentException("'limit' must be between 1 and " + MAX_LIMIT + ", was " + this.limit);
		}
		return this.limit;
	}

}
