/**
 * The sample province: Quảng Ngãi as it was organised from 2022 (the province of three of the
 * seed reports), with its provincial departments, its 13 district-level units and their
 * communes, the March 2025 merger of departments and the July 2025 two-level reorganisation
 * (districts abolished, communes merged; the province's own merger with Kon Tum is left out:
 * the sample covers the old territory only).
 *
 * Names of agencies, fields and procedures are real Vietnamese names. National procedure
 * codes are in the national format but made up: they are not the official codes.
 * Volume weights of departments follow the Hà Nam appendix (docs/DATA.md, "The seed reports").
 */
import type { Agency, AgencySuccessor, Procedure } from '../../src/lib/core/domain/schema';
import type { Level, OnlineService } from '../../src/lib/core/domain/types';

export const PROVINCE = { name: 'Quảng Ngãi', portalCode: 'H55' };

export interface ProcedureDef extends Procedure {
	/** Legal resolution time in working days; 0 = resolved the same day. */
	days: number;
	/** Fee in đồng. */
	fee: number;
	/** Relative volume within the agencies that handle it. */
	weight: number;
	/** Probability that a dossier resolved is not late. */
	onTime: number;
}

export interface AgencyDef extends Agency {
	/** Relative volume within its level. */
	weight: number;
	procedures: ProcedureDef[];
	/** Due dates set with a time of day (true) or as a day only (false), as the agency's software does. */
	timedDue: boolean;
}

type P = [name: string, field: string, online: OnlineService, days: number, fee: number, weight: number, onTime: number];

let codeCounter = 0;
function procedures(level: Level, list: P[]): ProcedureDef[] {
	return list.map(([name, field, online, days, fee, weight, onTime]) => {
		codeCounter += 1;
		const prefix = level === 'province' ? '1' : level === 'district' ? '2' : '3';
		return { code: `${prefix}.${String(1000 + codeCounter * 7).padStart(6, '0')}`, name, field, level, online_service: online, days, fee, weight, onTime };
	});
}

const HIGH = 0.9995;

/** Provincial departments before 1/3/2025: [id, name, short name, weight (Hà Nam appendix), procedures]. */
// One unit a line, as the province lists them.
// prettier-ignore
const DEPARTMENTS: [string, string, string, number, P[]][] = [
	['SGTVT', 'Sở Giao thông vận tải', 'Sở GTVT', 12906, [
		['Cấp đổi giấy phép lái xe do ngành Giao thông vận tải cấp', 'Đường bộ', 'full', 5, 135000, 70, HIGH],
		['Cấp lại giấy phép lái xe', 'Đường bộ', 'full', 10, 135000, 12, HIGH],
		['Cấp giấy phép lái xe quốc tế', 'Đường bộ', 'full', 5, 135000, 5, HIGH],
		['Cấp phù hiệu xe ô tô kinh doanh vận tải', 'Đường bộ', 'full', 2, 0, 10, 0.998],
		['Cấp Giấy phép kinh doanh vận tải bằng xe ô tô', 'Đường bộ', 'full', 5, 200000, 3, HIGH]
	]],
	['STP', 'Sở Tư pháp', 'Sở Tư pháp', 7832, [
		['Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam', 'Lý lịch tư pháp', 'full', 10, 200000, 85, 0.999],
		['Đăng ký hoạt động của Văn phòng công chứng', 'Công chứng', 'partial', 10, 1000000, 3, HIGH],
		['Đăng ký hành nghề và cấp Thẻ công chứng viên', 'Công chứng', 'partial', 5, 0, 4, HIGH],
		['Đăng ký hoạt động của tổ chức hành nghề luật sư', 'Luật sư', 'partial', 10, 100000, 4, HIGH],
		['Nhập quốc tịch Việt Nam', 'Quốc tịch', 'none', 30, 3000000, 1, 0.99],
		['Đăng ký hoạt động của doanh nghiệp đấu giá tài sản', 'Đấu giá tài sản', 'partial', 5, 1000000, 3, HIGH]
	]],
	['SKHDT', 'Sở Kế hoạch và Đầu tư', 'Sở KH&ĐT', 2656, [
		['Đăng ký thành lập công ty trách nhiệm hữu hạn một thành viên', 'Thành lập và hoạt động doanh nghiệp', 'full', 3, 50000, 30, 0.998],
		['Đăng ký thay đổi nội dung đăng ký doanh nghiệp', 'Thành lập và hoạt động doanh nghiệp', 'full', 3, 50000, 55, 0.998],
		['Thông báo tạm ngừng kinh doanh', 'Thành lập và hoạt động doanh nghiệp', 'full', 3, 0, 12, HIGH],
		['Quyết định chủ trương đầu tư của UBND cấp tỉnh', 'Đầu tư tại Việt Nam', 'partial', 35, 0, 3, 0.985]
	]],
	['BQLKKT', 'Ban Quản lý Khu kinh tế Dung Quất và các Khu công nghiệp Quảng Ngãi', 'BQL KKT Dung Quất', 2280, [
		['Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư', 'Đầu tư tại Việt Nam', 'partial', 15, 0, 15, 0.997],
		['Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại khu công nghiệp', 'Việc làm', 'full', 5, 600000, 45, 0.998],
		['Cấp giấy phép xây dựng công trình trong khu kinh tế', 'Hoạt động xây dựng', 'partial', 20, 150000, 20, 0.996],
		['Xác nhận hợp đồng lao động của người nước ngoài', 'Việc làm', 'full', 3, 0, 20, HIGH]
	]],
	['SYT', 'Sở Y tế', 'Sở Y tế', 1852, [
		['Cấp chứng chỉ hành nghề dược', 'Dược phẩm', 'full', 20, 500000, 30, 0.998],
		['Cấp giấy chứng nhận đủ điều kiện kinh doanh dược cho cơ sở bán lẻ', 'Dược phẩm', 'full', 20, 1000000, 25, 0.998],
		['Cấp giấy phép hành nghề khám bệnh, chữa bệnh', 'Khám bệnh, chữa bệnh', 'full', 30, 360000, 30, 0.997],
		['Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm', 'An toàn thực phẩm', 'partial', 15, 500000, 15, 0.998]
	]],
	['STC', 'Sở Tài chính', 'Sở Tài chính', 1324, [
		['Đăng ký mã số đơn vị có quan hệ với ngân sách', 'Tin học - Thống kê', 'full', 2, 0, 80, HIGH],
		['Thẩm định quyết toán dự án hoàn thành sử dụng vốn nhà nước', 'Quản lý công sản', 'none', 30, 0, 20, 0.99]
	]],
	['SXD', 'Sở Xây dựng', 'Sở Xây dựng', 1191, [
		['Cấp giấy phép xây dựng mới đối với công trình cấp đặc biệt, cấp I, cấp II', 'Hoạt động xây dựng', 'partial', 20, 150000, 30, 0.996],
		['Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', 'Hoạt động xây dựng', 'full', 20, 300000, 40, 0.998],
		['Thẩm định báo cáo nghiên cứu khả thi đầu tư xây dựng', 'Hoạt động xây dựng', 'partial', 30, 0, 30, 0.995]
	]],
	['STNMT', 'Sở Tài nguyên và Môi trường', 'Sở TN&MT', 949, [
		['Giao đất, cho thuê đất cho tổ chức', 'Đất đai', 'partial', 20, 0, 25, 0.97],
		['Đăng ký biến động quyền sử dụng đất của tổ chức', 'Đất đai', 'partial', 10, 0, 35, 0.975],
		['Cấp giấy phép môi trường', 'Môi trường', 'partial', 30, 0, 20, 0.99],
		['Cấp giấy phép khai thác, sử dụng nước mặt', 'Tài nguyên nước', 'partial', 30, 0, 20, 0.99]
	]],
	['SNNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn', 'Sở NN&PTNT', 934, [
		['Cấp giấy chứng nhận kiểm dịch động vật, sản phẩm động vật vận chuyển ra khỏi tỉnh', 'Thú y', 'full', 1, 40000, 60, HIGH],
		['Cấp giấy chứng nhận đủ điều kiện buôn bán thuốc bảo vệ thực vật', 'Bảo vệ thực vật', 'full', 15, 500000, 25, 0.998],
		['Cấp giấy phép khai thác thủy sản', 'Thủy sản', 'partial', 5, 40000, 15, 0.998]
	]],
	['SCT', 'Sở Công Thương', 'Sở Công Thương', 847, [
		['Cấp giấy phép bán lẻ rượu', 'Lưu thông hàng hóa trong nước', 'full', 10, 1200000, 25, HIGH],
		['Đăng ký thực hiện khuyến mại', 'Xúc tiến thương mại', 'full', 5, 0, 55, HIGH],
		['Cấp giấy chứng nhận đủ điều kiện cửa hàng bán lẻ xăng dầu', 'Kinh doanh khí', 'partial', 15, 1200000, 20, 0.998]
	]],
	['SLDTBXH', 'Sở Lao động - Thương binh và Xã hội', 'Sở LĐ-TB&XH', 776, [
		['Cấp giấy phép lao động cho người lao động nước ngoài', 'Việc làm', 'full', 5, 600000, 40, 0.998],
		['Giải quyết hưởng chế độ ưu đãi người có công', 'Người có công', 'partial', 12, 0, 35, 0.995],
		['Cấp giấy chứng nhận đăng ký hoạt động giáo dục nghề nghiệp', 'Giáo dục nghề nghiệp', 'partial', 10, 0, 25, 0.998]
	]],
	['STTTT', 'Sở Thông tin và Truyền thông', 'Sở TT&TT', 535, [
		['Cấp giấy phép xuất bản tài liệu không kinh doanh', 'Xuất bản, In và Phát hành', 'full', 10, 0, 70, HIGH],
		['Cấp giấy phép thiết lập trang thông tin điện tử tổng hợp', 'Phát thanh, truyền hình và thông tin điện tử', 'full', 10, 0, 30, HIGH]
	]],
	['SNV', 'Sở Nội vụ', 'Sở Nội vụ', 526, [
		['Thủ tục xét tặng danh hiệu Lao động tiên tiến', 'Thi đua, khen thưởng', 'partial', 20, 0, 40, 0.995],
		['Đăng ký hoạt động tín ngưỡng', 'Tôn giáo', 'partial', 15, 0, 30, 0.998],
		['Thủ tục thành lập hội', 'Tổ chức phi chính phủ', 'partial', 30, 0, 30, 0.99]
	]],
	['SGDDT', 'Sở Giáo dục và Đào tạo', 'Sở GD&ĐT', 432, [
		['Cấp bản sao văn bằng, chứng chỉ từ sổ gốc', 'Văn bằng, chứng chỉ', 'full', 1, 0, 70, HIGH],
		['Chỉnh sửa nội dung văn bằng, chứng chỉ', 'Văn bằng, chứng chỉ', 'full', 5, 0, 30, HIGH]
	]],
	['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'Sở VH,TT&DL', 431, [
		['Cấp giấy phép kinh doanh dịch vụ lữ hành nội địa', 'Du lịch', 'full', 10, 3000000, 30, HIGH],
		['Cấp giấy phép tổ chức biểu diễn nghệ thuật', 'Nghệ thuật biểu diễn', 'full', 5, 0, 50, HIGH],
		['Cấp giấy chứng nhận đủ điều kiện kinh doanh hoạt động thể thao', 'Thể dục thể thao', 'partial', 7, 0, 20, HIGH]
	]],
	['SKHCN', 'Sở Khoa học và Công nghệ', 'Sở KH&CN', 103, [
		['Cấp giấy phép tiến hành công việc bức xạ sử dụng thiết bị X-quang chẩn đoán trong y tế', 'An toàn bức xạ và hạt nhân', 'partial', 10, 2000000, 60, HIGH],
		['Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ', 'Hoạt động khoa học và công nghệ', 'full', 5, 0, 40, HIGH]
	]],
	['SNGV', 'Sở Ngoại vụ', 'Sở Ngoại vụ', 60, [
		['Cho phép tổ chức hội nghị, hội thảo quốc tế', 'Ngoại vụ', 'partial', 10, 0, 100, HIGH]
	]],
	['BDT', 'Ban Dân tộc tỉnh', 'Ban Dân tộc', 40, [
		['Công nhận người có uy tín trong đồng bào dân tộc thiểu số', 'Công tác dân tộc', 'none', 10, 0, 100, HIGH]
	]],
	['TTT', 'Thanh tra tỉnh', 'Thanh tra tỉnh', 20, [
		['Giải quyết khiếu nại lần hai tại cấp tỉnh', 'Giải quyết khiếu nại', 'none', 45, 0, 100, 0.98]
	]],
	['VPUBND', 'Văn phòng Ủy ban nhân dân tỉnh', 'VP UBND tỉnh', 17, [
		['Cấp giấy phép sử dụng thẻ đi lại của doanh nhân APEC', 'Hợp tác quốc tế', 'partial', 15, 0, 100, HIGH]
	]]
];

/** The March 2025 merger of departments: [new id, name, short name, predecessors]. */
const MERGED_DEPARTMENTS: [string, string, string, string[]][] = [
	['SXD-2025', 'Sở Xây dựng', 'Sở Xây dựng', ['SGTVT', 'SXD']],
	['STC-2025', 'Sở Tài chính', 'Sở Tài chính', ['SKHDT', 'STC']],
	['SNNMT-2025', 'Sở Nông nghiệp và Môi trường', 'Sở NN&MT', ['STNMT', 'SNNPTNT']],
	['SKHCN-2025', 'Sở Khoa học và Công nghệ', 'Sở KH&CN', ['STTTT', 'SKHCN']],
	['SNV-2025', 'Sở Nội vụ', 'Sở Nội vụ', ['SLDTBXH', 'SNV']],
	['SDTTG-2025', 'Sở Dân tộc và Tôn giáo', 'Sở DT&TG', ['BDT']],
	['VPUBND-2025', 'Văn phòng Ủy ban nhân dân tỉnh', 'VP UBND tỉnh', ['VPUBND', 'SNGV']]
];

const DISTRICT_PROCEDURES = procedures('district', [
	['Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', 'Đất đai', 'partial', 10, 0, 30, 0.935],
	['Cấp Giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân', 'Đất đai', 'partial', 30, 100000, 9, 0.9],
	['Tách thửa hoặc hợp thửa đất', 'Đất đai', 'partial', 15, 0, 6, 0.92],
	['Cấp đổi Giấy chứng nhận quyền sử dụng đất', 'Đất đai', 'partial', 7, 50000, 5, 0.94],
	['Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp', 'Chứng thực', 'full', 0, 2000, 24, 0.999],
	['Cấp bản sao Trích lục hộ tịch', 'Hộ tịch', 'full', 0, 8000, 3, 0.999],
	['Đăng ký khai sinh có yếu tố nước ngoài', 'Hộ tịch', 'partial', 3, 75000, 0.6, 0.99],
	['Đăng ký thành lập hộ kinh doanh', 'Thành lập và hoạt động của hộ kinh doanh', 'full', 3, 100000, 7, 0.985],
	['Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ', 'Xây dựng', 'partial', 15, 75000, 4, 0.96],
	['Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng', 'Bảo trợ xã hội', 'partial', 10, 0, 3, 0.985],
	['Chuyển trường đối với học sinh trung học cơ sở', 'Giáo dục và Đào tạo', 'full', 3, 0, 1.2, 0.995]
]);

const COMMUNE_PROCEDURES = procedures('commune', [
	['Đăng ký khai sinh', 'Hộ tịch', 'full', 0, 0, 10, 0.992],
	['Đăng ký kết hôn', 'Hộ tịch', 'partial', 0, 0, 3.5, 0.995],
	['Đăng ký khai tử', 'Hộ tịch', 'full', 0, 0, 3, 0.995],
	['Cấp Giấy xác nhận tình trạng hôn nhân', 'Hộ tịch', 'full', 3, 3000, 8, 0.985],
	['Cấp bản sao Trích lục hộ tịch', 'Hộ tịch', 'full', 0, 8000, 6, 0.992],
	['Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Hộ tịch', 'partial', 3, 15000, 2, 0.98],
	['Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp', 'Chứng thực', 'full', 0, 2000, 34, 0.989],
	['Chứng thực chữ ký trong các giấy tờ, văn bản', 'Chứng thực', 'none', 0, 10000, 6, 0.992],
	['Chứng thực hợp đồng, giao dịch liên quan đến quyền sử dụng đất', 'Chứng thực', 'none', 2, 50000, 4, 0.985],
	['Đăng ký hưởng trợ cấp xã hội hằng tháng', 'Bảo trợ xã hội', 'partial', 15, 0, 1.5, 0.975],
	['Giải quyết chế độ trợ cấp một lần đối với người có công', 'Người có công', 'partial', 20, 0, 1, 0.98],
	['Hòa giải tranh chấp đất đai', 'Đất đai', 'none', 30, 0, 1, 0.95]
]);

/** District-level units before 1/7/2025: [id, name, weight, seat (the commune that keeps the district's name), communes]. */
// One unit a line, as the province lists them.
// prettier-ignore
const DISTRICTS: [string, string, number, string, string[]][] = [
	['TPQN', 'Thành phố Quảng Ngãi', 30, 'Phường Trần Phú', ['Phường Lê Hồng Phong', 'Phường Trần Phú', 'Phường Nguyễn Nghiêm', 'Phường Trần Hưng Đạo', 'Phường Nghĩa Lộ', 'Phường Chánh Lộ', 'Phường Nghĩa Chánh', 'Phường Quảng Phú', 'Phường Trương Quang Trọng', 'Xã Tịnh Ấn Tây', 'Xã Tịnh Khê', 'Xã Nghĩa Dõng', 'Xã Nghĩa Dũng', 'Xã Nghĩa Hà', 'Xã Nghĩa Phú', 'Xã Tịnh Long', 'Xã Tịnh An', 'Xã Tịnh Châu', 'Xã Tịnh Thiện', 'Xã Tịnh Kỳ', 'Xã Tịnh Hòa', 'Xã Nghĩa An', 'Xã Tịnh Ấn Đông']],
	['TXDP', 'Thị xã Đức Phổ', 14, 'Phường Nguyễn Nghiêm', ['Phường Nguyễn Nghiêm', 'Phường Phổ Ninh', 'Phường Phổ Minh', 'Phường Phổ Vinh', 'Phường Phổ Hòa', 'Phường Phổ Thạnh', 'Phường Phổ Quang', 'Phường Phổ Văn', 'Xã Phổ An', 'Xã Phổ Phong', 'Xã Phổ Nhơn', 'Xã Phổ Khánh', 'Xã Phổ Châu', 'Xã Phổ Cường', 'Xã Phổ Thuận']],
	['HBS', 'Huyện Bình Sơn', 17, 'Thị trấn Châu Ổ', ['Thị trấn Châu Ổ', 'Xã Bình Châu', 'Xã Bình Thạnh', 'Xã Bình Đông', 'Xã Bình Trị', 'Xã Bình Hải', 'Xã Bình Phước', 'Xã Bình Hiệp', 'Xã Bình Long', 'Xã Bình Dương', 'Xã Bình Chánh', 'Xã Bình Thuận', 'Xã Bình Minh', 'Xã Bình Khương', 'Xã Bình An', 'Xã Bình Chương', 'Xã Bình Mỹ', 'Xã Bình Nguyên', 'Xã Bình Tân Phú', 'Xã Bình Thanh']],
	['HST', 'Huyện Sơn Tịnh', 9, 'Xã Tịnh Hà', ['Xã Tịnh Bình', 'Xã Tịnh Đông', 'Xã Tịnh Giang', 'Xã Tịnh Hà', 'Xã Tịnh Hiệp', 'Xã Tịnh Minh', 'Xã Tịnh Phong', 'Xã Tịnh Sơn', 'Xã Tịnh Thọ', 'Xã Tịnh Trà', 'Xã Tịnh Bắc']],
	['HTN', 'Huyện Tư Nghĩa', 12, 'Thị trấn La Hà', ['Thị trấn La Hà', 'Thị trấn Sông Vệ', 'Xã Nghĩa Kỳ', 'Xã Nghĩa Điền', 'Xã Nghĩa Thuận', 'Xã Nghĩa Thắng', 'Xã Nghĩa Sơn', 'Xã Nghĩa Thọ', 'Xã Nghĩa Lâm', 'Xã Nghĩa Hiệp', 'Xã Nghĩa Phương', 'Xã Nghĩa Hòa', 'Xã Nghĩa Mỹ', 'Xã Nghĩa Trung']],
	['HNH', 'Huyện Nghĩa Hành', 8, 'Thị trấn Chợ Chùa', ['Thị trấn Chợ Chùa', 'Xã Hành Thuận', 'Xã Hành Dũng', 'Xã Hành Trung', 'Xã Hành Nhân', 'Xã Hành Đức', 'Xã Hành Phước', 'Xã Hành Thịnh', 'Xã Hành Thiện', 'Xã Hành Tín Đông', 'Xã Hành Tín Tây', 'Xã Hành Minh']],
	['HMD', 'Huyện Mộ Đức', 10, 'Thị trấn Mộ Đức', ['Thị trấn Mộ Đức', 'Xã Đức Nhuận', 'Xã Đức Lợi', 'Xã Đức Thắng', 'Xã Đức Chánh', 'Xã Đức Hiệp', 'Xã Đức Minh', 'Xã Đức Thạnh', 'Xã Đức Hòa', 'Xã Đức Tân', 'Xã Đức Phú', 'Xã Đức Phong', 'Xã Đức Lân']],
	['HBT', 'Huyện Ba Tơ', 5, 'Thị trấn Ba Tơ', ['Thị trấn Ba Tơ', 'Xã Ba Cung', 'Xã Ba Dinh', 'Xã Ba Điền', 'Xã Ba Giang', 'Xã Ba Khâm', 'Xã Ba Lế', 'Xã Ba Liên', 'Xã Ba Nam', 'Xã Ba Ngạc', 'Xã Ba Thành', 'Xã Ba Tiêu', 'Xã Ba Tô', 'Xã Ba Trang', 'Xã Ba Vì', 'Xã Ba Vinh', 'Xã Ba Xa', 'Xã Ba Động']],
	['HML', 'Huyện Minh Long', 2, 'Xã Long Hiệp', ['Xã Long Hiệp', 'Xã Long Mai', 'Xã Long Môn', 'Xã Long Sơn', 'Xã Thanh An']],
	['HSH', 'Huyện Sơn Hà', 5, 'Thị trấn Di Lăng', ['Thị trấn Di Lăng', 'Xã Sơn Hạ', 'Xã Sơn Thành', 'Xã Sơn Nham', 'Xã Sơn Bao', 'Xã Sơn Linh', 'Xã Sơn Giang', 'Xã Sơn Trung', 'Xã Sơn Thượng', 'Xã Sơn Cao', 'Xã Sơn Hải', 'Xã Sơn Thủy', 'Xã Sơn Kỳ', 'Xã Sơn Ba']],
	['HSTY', 'Huyện Sơn Tây', 2, 'Xã Sơn Dung', ['Xã Sơn Dung', 'Xã Sơn Mùa', 'Xã Sơn Bua', 'Xã Sơn Tân', 'Xã Sơn Tinh', 'Xã Sơn Lập', 'Xã Sơn Màu', 'Xã Sơn Liên', 'Xã Sơn Long']],
	['HTB', 'Huyện Trà Bồng', 4, 'Thị trấn Trà Xuân', ['Thị trấn Trà Xuân', 'Xã Trà Bình', 'Xã Trà Phú', 'Xã Trà Giang', 'Xã Trà Thủy', 'Xã Trà Hiệp', 'Xã Trà Tân', 'Xã Trà Bùi', 'Xã Trà Sơn', 'Xã Trà Lâm', 'Xã Trà Phong', 'Xã Trà Xinh', 'Xã Trà Thanh', 'Xã Hương Trà', 'Xã Sơn Trà', 'Xã Trà Tây']],
	['HLS', 'Huyện Lý Sơn', 1.5, 'Xã An Vĩnh', ['Xã An Vĩnh', 'Xã An Hải', 'Xã An Bình']]
];

/** Names of the new communes of 1/7/2025 that took a district's name, by district id. */
// One unit a line, as the province lists them.
// prettier-ignore
export const NEW_SEAT_NAMES: Record<string, string> = {
	TPQN: 'Phường Cẩm Thành', TXDP: 'Phường Đức Phổ', HBS: 'Xã Bình Sơn', HST: 'Xã Sơn Tịnh', HTN: 'Xã Tư Nghĩa',
	HNH: 'Xã Nghĩa Hành', HMD: 'Xã Mộ Đức', HBT: 'Xã Ba Tơ', HML: 'Xã Minh Long', HSH: 'Xã Sơn Hà',
	HSTY: 'Xã Sơn Tây', HTB: 'Xã Trà Bồng', HLS: 'Đặc khu Lý Sơn'
};

export interface Catalogue {
	agencies: AgencyDef[];
	successors: AgencySuccessor[];
	procedures: ProcedureDef[];
}

function stripPrefix(name: string): string {
	return name.replace(/^(Phường|Xã|Thị trấn|Đặc khu) /, '');
}

/** Builds the whole catalogue; `departments` and `localGovernment` are the two reorganisation dates. */
export function buildCatalogue(start: string, departmentsDay: string, localGovernmentDay: string): Catalogue {
	codeCounter = 0;
	const dayBefore = (d: string) => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10);
	const agencies: AgencyDef[] = [];
	const successors: AgencySuccessor[] = [];
	const allProcedures: ProcedureDef[] = [];

	const departmentProcedures = new Map<string, ProcedureDef[]>();
	for (const [id, name, short, weight, list] of DEPARTMENTS) {
		const procs = procedures('province', list);
		departmentProcedures.set(id, procs);
		allProcedures.push(...procs);
		const merged = MERGED_DEPARTMENTS.some(([, , , from]) => from.includes(id));
		agencies.push({
			id,
			name,
			short_name: short,
			level: 'province',
			parent_id: null,
			valid_from: start,
			valid_to: merged ? dayBefore(departmentsDay) : null,
			weight,
			procedures: procs,
			timedDue: true
		});
	}
	for (const [id, name, short, from] of MERGED_DEPARTMENTS) {
		const procs = from.flatMap((f) => departmentProcedures.get(f) ?? []);
		const weight = from.reduce((s, f) => s + (agencies.find((a) => a.id === f)?.weight ?? 0), 0);
		agencies.push({ id, name, short_name: short, level: 'province', parent_id: null, valid_from: departmentsDay, valid_to: null, weight, procedures: procs, timedDue: true });
		for (const f of from) successors.push({ agency_id: f, successor_id: id, rank: 1 });
	}

	allProcedures.push(...DISTRICT_PROCEDURES, ...COMMUNE_PROCEDURES);
	const lastOld = dayBefore(localGovernmentDay);
	let districtIndex = 0;
	for (const [did, dname, dweight, seat, communes] of DISTRICTS) {
		districtIndex += 1;
		const districtId = `H-${did}`;
		agencies.push({
			id: districtId,
			name: `Ủy ban nhân dân ${dname.replace(/^(Thành phố|Thị xã|Huyện)/, (m) => m.toLowerCase())}`,
			short_name: `UBND ${dname
				.replace(/^Thành phố /, 'TP ')
				.replace(/^Thị xã /, 'TX ')
				.replace(/^Huyện /, '')}`,
			level: 'district',
			parent_id: null,
			valid_from: start,
			valid_to: lastOld,
			weight: dweight,
			procedures: DISTRICT_PROCEDURES,
			timedDue: districtIndex % 3 === 0
		});
		// Old communes: weight by district volume, spread evenly, with a seat that is busier.
		const oldIds = communes.map((c, i) => `X-${did}-${String(i + 1).padStart(2, '0')}`);
		communes.forEach((c, i) => {
			agencies.push({
				id: oldIds[i],
				name: `Ủy ban nhân dân ${c.replace(/^(Phường|Xã|Thị trấn)/, (m) => m.toLowerCase())}`,
				short_name: `UBND ${c}`,
				level: 'commune',
				parent_id: districtId,
				valid_from: start,
				valid_to: lastOld,
				weight: (dweight / communes.length) * (c === seat ? 2 : 1),
				procedures: COMMUNE_PROCEDURES,
				timedDue: false
			});
		});
		// New communes: consecutive groups of about three old ones. The old unit at the end of a
		// group (when it is not the last) is split between its group and the next one, its own
		// group's commune the primary successor (it receives its dossiers by today's units).
		const groups: number[][] = [];
		for (let i = 0; i < communes.length; i += 3) groups.push(oldIds.slice(i, i + 3).map((_, k) => i + k));
		if (groups.length > 1 && groups[groups.length - 1].length === 1) groups[groups.length - 2].push(...groups.pop()!);
		groups.forEach((g, gi) => {
			const newId = `XM-${did}-${String(gi + 1).padStart(2, '0')}`;
			const hasSeat = g.some((i) => communes[i] === seat);
			const first = communes[g[0]];
			const newName = hasSeat ? NEW_SEAT_NAMES[did] : `${first.startsWith('Phường') ? 'Phường' : 'Xã'} ${stripPrefix(first)}`;
			agencies.push({
				id: newId,
				name: `Ủy ban nhân dân ${newName.replace(/^(Phường|Xã|Đặc khu)/, (m) => m.toLowerCase())}`,
				short_name: `UBND ${newName}`,
				level: 'commune',
				parent_id: null,
				valid_from: localGovernmentDay,
				valid_to: null,
				weight: g.reduce((s, i) => s + (dweight / communes.length) * (communes[i] === seat ? 2 : 1), 0) * 1.45,
				procedures: [...COMMUNE_PROCEDURES, ...DISTRICT_PROCEDURES],
				timedDue: false
			});
			for (const i of g) successors.push({ agency_id: oldIds[i], successor_id: newId, rank: 1 });
			const last = g[g.length - 1];
			if (gi + 1 < groups.length && g.length >= 3) {
				successors.push({ agency_id: oldIds[last], successor_id: `XM-${did}-${String(gi + 2).padStart(2, '0')}`, rank: 2 });
			}
		});
		// The abolished district's work passes to the new communes of its territory; the primary
		// one, which receives its dossiers by today's units, is the new commune of its seat
		// (named in NEW_SEAT_NAMES).
		const seatGroup = groups.findIndex((g) => g.some((i) => communes[i] === seat));
		if (seatGroup < 0) throw new Error(`The seat of ${dname}, ${seat}, is not among its communes`);
		const inOrder = [seatGroup, ...[...groups.keys()].filter((gi) => gi !== seatGroup)];
		inOrder.forEach((gi, k) => successors.push({ agency_id: districtId, successor_id: `XM-${did}-${String(gi + 1).padStart(2, '0')}`, rank: k + 1 }));
	}
	return { agencies, successors, procedures: allProcedures };
}
