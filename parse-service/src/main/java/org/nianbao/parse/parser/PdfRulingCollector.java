package org.nianbao.parse.parser;

import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.util.Matrix;

/**
 * Follows the path operators of a page's content stream and keeps the straight horizontal and vertical lines it
 * strokes or fills (thin filled rectangles are how Word draws borders); it exists so table borders can be found
 * in the same pass that reads the text.
 */
final class PdfRulingCollector {

    /** Filled rectangles thinner than this are lines; thicker ones are shading and are ignored. */
    private static final float MAX_THICKNESS = 3f;
    private static final float MIN_LENGTH = 2f;
    /** Pages with more path segments than this are drawings, not tables; they are left to the text reader. */
    private static final int MAX_SEGMENTS = 20_000;

    private final List<PdfRuling> rulings = new ArrayList<>();
    private final List<List<Point2D.Float>> path = new ArrayList<>();
    private List<Point2D.Float> current;
    private boolean curved;
    private int segments;
    private float left;
    private float bottom;
    private float width;
    private float height;
    private int rotation;

    /**
     * Starts a page: coordinates as PDFBox gives text positions ({@code TextPosition.getXDirAdj/getYDirAdj}),
     * relative to the crop box, y downwards, turned with the page's /Rotate so a landscape page printed on a
     * rotated portrait page reads upright.
     */
    void startPage(PDRectangle cropBox, int rotation) {
        rulings.clear();
        path.clear();
        current = null;
        segments = 0;
        left = cropBox.getLowerLeftX();
        bottom = cropBox.getLowerLeftY();
        width = cropBox.getWidth();
        height = cropBox.getHeight();
        this.rotation = ((rotation % 360) + 360) % 360;
    }

    List<PdfRuling> rulings() {
        return segments > MAX_SEGMENTS ? List.of() : rulings;
    }

    /** Handles a path operator; returns false for any other operator. */
    boolean handle(String op, List<COSBase> operands, Matrix ctm) {
        switch (op) {
            case "m" -> {
                current = new ArrayList<>();
                path.add(current);
                current.add(point(operands, 0, ctm));
            }
            case "l" -> {
                if (current == null) {
                    current = new ArrayList<>();
                    path.add(current);
                }
                current.add(point(operands, 0, ctm));
            }
            case "c", "v", "y" -> curved = true;
            case "re" -> rectangle(operands, ctm);
            case "h" -> {
                if (current != null && !current.isEmpty()) {
                    current.add(current.get(0));
                }
            }
            case "S", "s" -> paint(true, false);
            case "f", "F", "f*" -> paint(false, true);
            case "B", "B*", "b", "b*" -> paint(true, true);
            case "n" -> paint(false, false);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void rectangle(List<COSBase> operands, Matrix ctm) {
        if (operands.size() < 4) {
            return;
        }
        float x = num(operands, 0);
        float y = num(operands, 1);
        float w = num(operands, 2);
        float h = num(operands, 3);
        List<Point2D.Float> rect = new ArrayList<>(5);
        rect.add(transform(x, y, ctm));
        rect.add(transform(x + w, y, ctm));
        rect.add(transform(x + w, y + h, ctm));
        rect.add(transform(x, y + h, ctm));
        rect.add(rect.get(0));
        path.add(rect);
        current = null;
    }

    private void paint(boolean stroke, boolean fill) {
        if (!curved) {
            for (List<Point2D.Float> sub : path) {
                segments += sub.size();
                if (segments > MAX_SEGMENTS) {
                    break;
                }
                if (stroke) {
                    strokeLines(sub);
                }
                if (fill && !stroke) {
                    fillBox(sub);
                }
            }
        }
        path.clear();
        current = null;
        curved = false;
    }

    private void strokeLines(List<Point2D.Float> sub) {
        for (int i = 1; i < sub.size(); i++) {
            Point2D.Float a = sub.get(i - 1);
            Point2D.Float b = sub.get(i);
            if (Math.abs(a.y - b.y) < 0.5f && Math.abs(a.x - b.x) >= MIN_LENGTH) {
                rulings.add(new PdfRuling(true, (a.y + b.y) / 2, Math.min(a.x, b.x), Math.max(a.x, b.x)));
            } else if (Math.abs(a.x - b.x) < 0.5f && Math.abs(a.y - b.y) >= MIN_LENGTH) {
                rulings.add(new PdfRuling(false, (a.x + b.x) / 2, Math.min(a.y, b.y), Math.max(a.y, b.y)));
            }
        }
    }

    /** A filled axis-aligned box thin in one direction is a line along the other. */
    private void fillBox(List<Point2D.Float> sub) {
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (int i = 0; i < sub.size(); i++) {
            Point2D.Float p = sub.get(i);
            if (i > 0) {
                Point2D.Float q = sub.get(i - 1);
                if (Math.abs(p.x - q.x) >= 0.5f && Math.abs(p.y - q.y) >= 0.5f) {
                    return;
                }
            }
            minX = Math.min(minX, p.x);
            maxX = Math.max(maxX, p.x);
            minY = Math.min(minY, p.y);
            maxY = Math.max(maxY, p.y);
        }
        float w = maxX - minX;
        float h = maxY - minY;
        if (h <= MAX_THICKNESS && w >= MIN_LENGTH && w > h) {
            rulings.add(new PdfRuling(true, (minY + maxY) / 2, minX, maxX));
        } else if (w <= MAX_THICKNESS && h >= MIN_LENGTH && h > w) {
            rulings.add(new PdfRuling(false, (minX + maxX) / 2, minY, maxY));
        }
    }

    private Point2D.Float point(List<COSBase> operands, int i, Matrix ctm) {
        return operands.size() < i + 2 ? new Point2D.Float() : transform(num(operands, i), num(operands, i + 1), ctm);
    }

    /** User space to text space: the CTM, then crop box relative, turned by the page rotation, y downwards. */
    private Point2D.Float transform(float x, float y, Matrix ctm) {
        Point2D.Float p = ctm.transformPoint(x, y);
        float ux = p.x - left;
        float uy = p.y - bottom;
        switch (rotation) {
            case 90 -> {
                return new Point2D.Float(uy, ux);
            }
            case 180 -> {
                return new Point2D.Float(width - ux, uy);
            }
            case 270 -> {
                return new Point2D.Float(height - uy, width - ux);
            }
            default -> {
                return new Point2D.Float(ux, height - uy);
            }
        }
    }

    private static float num(List<COSBase> operands, int i) {
        return operands.get(i) instanceof COSNumber n ? n.floatValue() : 0f;
    }
}
