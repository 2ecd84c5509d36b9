// Demo releases. The first is a real release of the China National Intellectual Property
// Administration (CNIPA), 9 April 2020: its Chinese original and the agency's English translation.

export interface DemoText {
  title: string;
  summary: string;
  paragraphs: readonly string[];
  slug: string;
}

export const SAMPLE_RELEASE: { zh: DemoText; en: DemoText; date: string } = {
  date: "2020-04-09T10:00:00+08:00",
  zh: {
    title: "申长雨与韩国知识产权局局长朴原住举行视频会议 就共同应对新冠肺炎疫情、加强专利信息服务合作交换意见",
    summary: "双方就疫情期间加强专利信息服务、推迟举办五局局长会议、深化双边知识产权合作等共同关心的问题交换了意见。",
    slug: "cnipa-kipo-video-conference",
    paragraphs: [
      "4月9日，国家知识产权局局长申长雨与韩国知识产权局局长朴原住举行视频会议。双方就新冠肺炎疫情期间加强专利信息服务、推迟举办五局局长会议、深化双边知识产权合作以及共同关心的问题交换了意见。",
      "申长雨表示，当前新冠肺炎疫情在全球蔓延，全世界都面临着抗击疫情的严峻挑战。此次高层视频会议体现了双方加强知识产权合作的真诚愿望。为支持疫情防控相关科研攻关、助力企业复工复产，国家知识产权局组织有关专家，在化学药、中药、生物制品、疫苗、检测方法、检测仪器和医用口罩等重点领域上线了专利信息共享平台，并发布了一批专利信息分析报告，获得了积极反响。他希望双方加强专利信息领域合作，为抗击新冠肺炎疫情作出更大贡献。",
      "朴原住表示，疫情发生以来，两国保持密切合作，相互提供口罩、药品等医疗物资，共同抗击疫情。韩国知识产权局近期上线了抗击新冠肺炎疫情专利信息导航网站，向用户发布最新发明和可能有效的治疗方法，为疫情防控提供了很大帮助。他希望双方在专利信息共享方面开展更加紧密的合作，为共同抗击病毒提供有力支撑。",
      "双方还就五局合作和双边合作交换了意见。",
    ],
  },
  en: {
    title:
      "CNIPA Commissioner Shen Changyu and KIPO Commissioner Park Won-joo Having a Video Conference on Jointly Coping with the COVID-19 and Strengthening Cooperation in Patent Information Services",
    summary:
      "The two sides exchanged opinions on strengthening patent information services during the COVID-19 epidemic, postponing the meeting of IP5 heads of office and deepening bilateral IP cooperation.",
    slug: "cnipa-kipo-video-conference",
    paragraphs: [
      "On April 9, CNIPA Commissioner Shen Changyu and KIPO Commissioner Park Won-joo had a video conference. The two sides exchanged opinions on strengthening patent information services during the COVID-19 epidemic, postponing the meeting of IP5 heads of office, deepening bilateral IP cooperation and some issues of common concern.",
      "According to Shen Changyu, the COVID-19 is spreading worldwide and the whole world is faced with a severe challenge in fighting against the epidemic. This high-level video conference delivers the sincere wish of both sides for strengthening IP cooperation. In order to support scientific researches related to the epidemic prevention and control and help enterprises resume work, CNIPA has organized related experts to launch the patent information sharing platform in such key fields as chemical medicine, traditional Chinese medicine, biologics, vaccine, test methods, detecting instrument and surgical masks, and released a number of patent information analysis reports, with positive feedbacks being received. He hoped that the two sides could strengthen cooperation in patent information to contribute more to the fight against the COVID-19 epidemic.",
      "Park Won-joo said that since the outbreak of the epidemic, the two countries have maintained close cooperation and provided each other with medical supplies such as masks and drugs to jointly fight against the epidemic. KIPO has recently launched a patent information navigation website against the COVID-19 to announce to users the latest inventions and potentially effective therapeutic methods against the COVID-19, which is a big help for the epidemic prevention and control. He hoped that the two sides could have closer cooperation in patent information sharing to provide a strong support for jointly fighting against the virus.",
      "The two sides also exchanged ideas on IP5 cooperation and bilateral cooperation. (Translated from CNIPA Website Chinese Version)",
    ],
  },
};

/** Further demo releases (fictional), one per workflow situation. */
export const DEMO_RELEASES = {
  publishedCooperation: {
    date: "2020-03-18T09:30:00+08:00",
    zh: {
      title: "国家知识产权局推出专利审查“不见面”办理措施",
      summary: "疫情防控期间，专利申请、缴费和审查业务全面推行网上办理。",
      slug: "online-patent-services",
      paragraphs: [
        "为做好疫情防控期间的知识产权服务工作，国家知识产权局推出专利业务“不见面”办理措施，专利申请、费用缴纳和审查意见答复等业务全部可以通过网上办理。",
        "国家知识产权局有关负责人表示，将继续优化电子申请系统，保障申请人在疫情期间及时获得专利保护。",
      ],
    },
    en: {
      title: "CNIPA Introduces Contactless Patent Services",
      summary: "During the epidemic, patent filing, fee payment and examination are handled fully online.",
      slug: "online-patent-services",
      paragraphs: [
        "To keep intellectual property services running during epidemic prevention and control, CNIPA has introduced contactless patent services: filing applications, paying fees and responding to office actions can all be done online.",
        "A CNIPA official said the office will keep improving its e-filing system so that applicants obtain patent protection without delay during the epidemic.",
      ],
    },
  },
  publishedEditedAfter: {
    date: "2020-05-12T15:00:00+08:00",
    zh: {
      title: "中欧知识产权工作组举行第二十三次会议",
      summary: "双方围绕专利、商标和地理标志保护开展交流。",
      slug: "china-eu-ip-working-group",
      paragraphs: [
        "中欧知识产权工作组第二十三次会议以视频方式举行，双方围绕专利、商标和地理标志保护等议题开展了深入交流。",
        "双方同意继续在工作组框架下加强对话与合作。",
      ],
    },
    zhEdited: {
      title: "中欧知识产权工作组举行第二十三次会议",
      summary: "双方围绕专利、商标和地理标志保护开展交流，并商定下次会议安排。",
      slug: "china-eu-ip-working-group",
      paragraphs: [
        "中欧知识产权工作组第二十三次会议以视频方式举行，双方围绕专利、商标和地理标志保护等议题开展了深入交流。",
        "双方同意继续在工作组框架下加强对话与合作，并商定于年内举行下一次会议。",
      ],
    },
    en: {
      title: "China-EU IP Working Group Holds Its 23rd Meeting",
      summary: "The two sides exchanged views on the protection of patents, trademarks and geographical indications.",
      slug: "china-eu-ip-working-group",
      paragraphs: [
        "The 23rd meeting of the China-EU IP Working Group was held by video link. The two sides had in-depth exchanges on the protection of patents, trademarks and geographical indications.",
        "Both sides agreed to continue strengthening dialogue and cooperation within the framework of the working group.",
      ],
    },
  },
  translatedAwaiting: {
    date: "2020-06-01T09:00:00+08:00",
    zh: {
      title: "国家知识产权局发布2019年中国专利调查报告",
      summary: "报告显示，我国企业专利实施率和产业化率稳步提升。",
      slug: "china-patent-survey-2019",
      paragraphs: [
        "国家知识产权局日前发布《2019年中国专利调查报告》。报告显示，我国有效专利实施率和产业化率稳步提升。",
        "报告还对企业专利运用、保护和管理情况进行了分析，为完善知识产权政策提供参考。",
      ],
    },
    en: {
      title: "CNIPA Releases the 2019 China Patent Survey Report",
      summary:
        "The report shows steady growth in the rates at which Chinese enterprises use and commercialize patents.",
      slug: "china-patent-survey-2019",
      paragraphs: [
        "CNIPA has released the 2019 China Patent Survey Report, which shows a steady increase in the exploitation and commercialization rates of valid patents in China.",
        "The report also analyses how enterprises use, protect and manage patents, providing a reference for improving IP policy.",
      ],
    },
  },
  embargoed: {
    zh: {
      title: "第十届五局局长会议将以视频方式举行",
      summary: "五局局长将审议合作进展并确定下一阶段工作重点。",
      slug: "ip5-heads-meeting",
      paragraphs: [
        "第十届中美欧日韩知识产权五局局长会议将以视频方式举行。",
        "会议将审议五局合作进展，并确定下一阶段的工作重点。",
      ],
    },
    en: {
      title: "The 10th IP5 Heads of Office Meeting to Be Held by Video Conference",
      summary: "The heads of the five offices will review progress and set priorities for the next stage.",
      slug: "ip5-heads-meeting",
      paragraphs: [
        "The 10th meeting of the heads of the IP5 offices will be held by video conference.",
        "The meeting will review the progress of IP5 cooperation and set priorities for the next stage.",
      ],
    },
  },
  draftNoEnglish: {
    date: "2020-07-01T09:00:00+08:00",
    zh: {
      title: "国家知识产权局召开知识产权保护工作座谈会",
      summary: "会议研究部署下半年知识产权保护重点工作。",
      slug: "ip-protection-symposium",
      paragraphs: [
        "国家知识产权局日前召开知识产权保护工作座谈会，研究部署下半年知识产权保护重点工作。",
        "会议要求，进一步完善知识产权保护体系，提升保护效能。",
      ],
    },
  },
} as const;

export const DEMO_CATEGORIES = [
  { slug: "press-releases", nameZh: "新闻发布", nameEn: "Press releases", position: 0 },
  { slug: "international-cooperation", nameZh: "国际合作", nameEn: "International cooperation", position: 1 },
] as const;

export const DEMO_USERS = [
  { email: "admin@example.com", displayName: "管理员 Admin", role: "ADMIN", locale: "zh" },
  { email: "editor@example.com", displayName: "编辑 Editor", role: "EDITOR", locale: "zh" },
  { email: "translator@example.com", displayName: "译员 Translator", role: "TRANSLATOR", locale: "en" },
] as const;

/** A starter glossary (approved renderings from CNIPA's English site; SIPO is the office's former name). */
export const DEMO_GLOSSARY = [
  {
    term: "国家知识产权局",
    approved: ["CNIPA", "China National Intellectual Property Administration"],
    forbidden: ["SIPO", "State Intellectual Property Office"],
    note: "2018年起的机构名称 / The office's name since 2018",
    category: "机构 Institutions",
  },
  { term: "五局", approved: ["IP5"], forbidden: [], note: "中美欧日韩知识产权五局", category: "机构 Institutions" },
  { term: "新冠肺炎", approved: ["COVID-19"], forbidden: ["Wuhan pneumonia"], note: "", category: "术语 Terms" },
  { term: "知识产权", approved: ["intellectual property", "IP"], forbidden: [], note: "", category: "术语 Terms" },
] as const;
