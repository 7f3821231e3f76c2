package org.gongtong.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writing and reading the .xlsx files every office here lives in. Export streams rows (SXSSF) so
 * a 100,000-row list does not sit in memory.
 */
public final class Xlsx {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final DataFormatter FORMATTER = new DataFormatter();

    private Xlsx() {}

    /** Writes one sheet: a bold header row, then the rows; values may be String, Number, LocalDate. */
    public static void write(OutputStream out, String sheetName, List<String> header, Iterable<List<?>> rows)
            throws IOException {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200)) {
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(header.get(i));
                c.setCellStyle(bold);
                sheet.setColumnWidth(i, 20 * 256);
            }
            int r = 1;
            for (List<?> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    if (v instanceof BigDecimal b) {
                        c.setCellValue(b.doubleValue());
                    } else if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        c.setCellValue(d);
                        c.setCellStyle(date);
                    } else {
                        c.setCellValue(v.toString());
                    }
                }
            }
            wb.write(out);
            wb.dispose();
        }
    }

    /** The text a person sees in a cell (numbers as shown, dates as ISO), trimmed; blank → null. */
    public static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        String s;
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            s = cell.getLocalDateTimeCellValue().toLocalDate().toString();
        } else if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
            BigDecimal b = BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros();
            s = b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
        } else {
            s = FORMATTER.formatCellValue(cell);
        }
        s = s == null ? null : s.strip();
        return s == null || s.isEmpty() ? null : s;
    }
}
