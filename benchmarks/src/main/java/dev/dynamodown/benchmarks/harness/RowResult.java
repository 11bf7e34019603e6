package dev.dynamodown.benchmarks.harness;

import java.util.List;
import java.util.Optional;

/** The cells of one measured {@link Row}, in the order of its contestants. */
public record RowResult(Row row, List<Cell> cells) {

	/** The cell of the (single) contestant in {@code column}; not for {@link Column#CEILING}, which may have several. */
	public Optional<Cell> cell(Column column) {
		return this.cells.stream().filter(cell -> cell.contestant().column() == column).findFirst();
	}

	public List<Cell> cells(Column column) {
		return this.cells.stream().filter(cell -> cell.contestant().column() == column).toList();
	}

}
