// The benchmark's report: a provincial-size report (~50 KB) generated reproducibly from the Quy
// Nhơn example. Shared by `npm run bench` (Node) and the browser test (Chromium), so that both
// time the same text.

/** The report as indented JSON text, from the example's JSON text. */
export function provincialReport(exampleJson) {
  const report = JSON.parse(exampleJson);
  const paragraph =
    "Ủy ban nhân dân tỉnh đã chỉ đạo các sở, ban, ngành và Ủy ban nhân dân các huyện, thị xã, thành phố " +
    "triển khai đồng bộ các giải pháp bảo vệ, chăm sóc trẻ em; kiểm tra, đôn đốc việc thực hiện và tổng hợp kết quả. ";
  for (const section of report.sections) {
    section.narrative = paragraph.repeat(6);
    section.documents = Array.from({ length: 14 }, (_, i) => ({
      number: `${100 + i * 7 + section.task}/KH-UBND`,
      date: `2024-0${1 + (i % 4)}-${String(10 + i).padStart(2, "0")}`,
      title: `Kế hoạch số ${i + 1} về triển khai nhiệm vụ ${section.task} công tác trẻ em năm 2024 trên địa bàn tỉnh`,
    }));
  }
  return JSON.stringify(report, null, 2);
}
