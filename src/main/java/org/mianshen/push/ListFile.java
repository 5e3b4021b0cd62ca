package org.mianshen.push;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One table written as CSV and/or XLSX, row by row, the same cells in both. The XLSX is streamed with fastexcel:
 * rows are flushed to the zip every {@link #FLUSH_ROWS} and strings are written inline (no shared-string table),
 * so memory does not grow with the list. Text in the XLSX is kept as it is (a string cell is never a formula there);
 * the CSV neutralises it ({@link Cells#neutralise}).
 */
final class ListFile implements AutoCloseable {
    static final int FLUSH_ROWS = 512;
    private final Writer csv;
    private final OutputStream xlsxOut;
    private final Workbook wb;
    private final Worksheet ws;
    private int row;

    ListFile(Path base, boolean writeCsv, boolean writeXlsx, String sheet) throws IOException {
        if (writeCsv) {
            csv = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(base.resolveSibling(base.getFileName() + ".csv")), StandardCharsets.UTF_8), 1 << 16);
            csv.write(Cells.BOM);
        } else csv = null;
        if (writeXlsx) {
            xlsxOut = new BufferedOutputStream(Files.newOutputStream(base.resolveSibling(base.getFileName() + ".xlsx")), 1 << 16);
            wb = new Workbook(xlsxOut, "mianshen", "1.0");
            ws = wb.newWorksheet(sheet);
        } else { xlsxOut = null; wb = null; ws = null; }
    }

    /** Column widths in characters (XLSX only). Must come before the first row. */
    void widths(double... w) {
        if (ws != null) for (int i = 0; i < w.length; i++) ws.width(i, w[i]);
    }

    void row(List<?> cells) throws IOException { row(cells, false); }

    void row(List<?> cells, boolean bold) throws IOException {
        if (csv != null) Cells.writeRow(csv, cells);
        if (ws != null) {
            for (int c = 0; c < cells.size(); c++) {
                Object v = cells.get(c);
                if (v == null) continue;
                if (v instanceof Number n) ws.value(row, c, n);
                else ws.inlineString(row, c, v.toString());
                if (bold) ws.style(row, c).bold().set();
            }
            if ((row + 1) % FLUSH_ROWS == 0) ws.flush();
        }
        row++;
    }

    int rows() { return row; }

    @Override
    public void close() throws IOException {
        if (csv != null) csv.close();
        if (wb != null) {
            ws.finish();
            wb.finish();
            xlsxOut.close();
        }
    }
}
