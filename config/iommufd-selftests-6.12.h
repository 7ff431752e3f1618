/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Debian's linux-source-6.12 (6.12.117) ships tools/testing/selftests/iommu
 * from a later stable backport than its kernel: the tests name UAPI and mock
 * device features that 6.12 lacks (IOMMU_GET_HW_INFO's input type, the mock
 * device's PASID), and do not build against 6.12's own headers. These
 * definitions let them build (scripts/selftests.sh includes this file for
 * iommu/ only); the tests of those features then fail or are left out in
 * guest/check-iommufd.list, on the kernel with or without the series.
 */
#define IOMMU_HW_INFO_TYPE_DEFAULT	0
#define IOMMU_HW_INFO_FLAG_INPUT_TYPE	(1 << 0)
/* 6.12 has __reserved where later kernels take the input data type. */
#define in_data_type			__reserved[0]
#define MOCK_FLAGS_DEVICE_PASID		(1 << 2)
#define MOCK_PASID_WIDTH		20
